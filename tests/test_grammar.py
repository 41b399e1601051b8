"""German grammar of roles and the word order of generated sentences (lawkit.model.grammar,
lawkit.rendering.syntax): every slot states its case, role nouns agree with the person."""

from __future__ import annotations

import pytest

from lawkit.model.grammar import (
    Genus,
    Kasus,
    Numerus,
    Role,
    fill,
    role_from_text,
    template_problems,
)
from lawkit.rendering.syntax import continued, fronted, inserted, main_after_condition, ob, verb_first

R = Role("R", Genus.F)
B = Role("B", Genus.M)
BANK = Role("Z-Bank", Genus.F, article=True)
LAND = Role("Land", Genus.N, article=True, genitive="Landes")
FACTS = Role("Tatsachen", Genus.F, Numerus.PL, article=True)
ROLES = {"subject": R, "opponent": BANK, "other": B, "state": LAND, "information": FACTS}


@pytest.mark.parametrize(("role", "kasus", "expected"), [
    (R, Kasus.NOM, "R"), (R, Kasus.GEN, "der R"), (R, Kasus.DAT, "R"), (R, Kasus.AKK, "R"),
    (B, Kasus.GEN, "des B"),
    (BANK, Kasus.NOM, "die Z-Bank"), (BANK, Kasus.GEN, "der Z-Bank"),
    (BANK, Kasus.DAT, "der Z-Bank"), (BANK, Kasus.AKK, "die Z-Bank"),
    (LAND, Kasus.GEN, "des Landes"), (LAND, Kasus.DAT, "dem Land"),
    (FACTS, Kasus.DAT, "den Tatsachen"), (FACTS, Kasus.GEN, "der Tatsachen"),
])
def test_a_role_is_declined_by_case(role, kasus, expected):
    assert role.phrase(kasus) == expected


@pytest.mark.parametrize(("template", "expected"), [
    ("{subject:nom} ist {subject:nom:Amtsträger}.", "R ist Amtsträgerin."),
    ("{other:nom} ist {other:nom:Amtsträger}.", "B ist Amtsträger."),
    ("{subject:nom} ist {subject:nom:kein Beamter}.", "R ist keine Beamtin."),
    ("{other:nom} ist {other:nom:kein Beamter}.", "B ist kein Beamter."),
    ("{subject:nom} ist {subject:nom:für den öffentlichen Dienst besonders Verpflichteter}.",
     "R ist für den öffentlichen Dienst besonders Verpflichtete."),
    ("{other:nom} ist {other:nom:ein besonders Verpflichteter}.",
     "B ist ein besonders Verpflichteter."),
    ("{opponent:nom} als {opponent:nom:Dienstherr}", "die Z-Bank als Dienstherrin"),
    ("{state:nom} als {state:nom:Dienstherr}", "das Land als Dienstherr"),
    ("Die Haftung trifft {opponent:akk}.", "Die Haftung trifft die Z-Bank."),
    ("Ein Anspruch steht {opponent:dat} zu.", "Ein Anspruch steht der Z-Bank zu."),
    ("Die Pflichten {state:gen}", "Die Pflichten des Landes"),
    ("{information:nom} {information:ist/sind} geheim.", "die Tatsachen sind geheim."),
    ("{subject:nom} weiß, dass {subject:er} schweigen muss.", "R weiß, dass sie schweigen muss."),
    ("{other:nom} erzählt es {other:seinem} Bruder.", "B erzählt es seinem Bruder."),
    ("in {subject:seiner} dienstlichen Eigenschaft", "in ihrer dienstlichen Eigenschaft"),
])
def test_fill_declines_roles_and_role_nouns_and_pronouns(template, expected):
    assert fill(template, ROLES, {}) == expected


def test_a_role_noun_in_the_plural_and_the_genitive():
    groups = {"x": Role("Angestellten", Genus.M, Numerus.PL, article=True)}
    assert fill("{x:nom} sind {x:nom:Amtsträger}.", groups, {}) == "die Angestellten sind Amtsträger."
    assert fill("die Pflicht {x:gen:der Beamter}", groups, {}) == "die Pflicht der Beamten"
    assert fill("die Pflicht {subject:gen:der Beamter}", ROLES, {}) == "die Pflicht der Beamtin"


def test_the_default_information_role_and_an_unknown_role_stay_visible():
    assert fill("{information:nom} {information:ist/sind} geheim.", {}, {}) == \
        "die Tatsache ist geheim."
    assert fill("{nobody:nom} handelt.", {}, {}) == "{nobody} handelt."
    assert fill("nach {citation}", {}, {"citation": "§ 1 G"}) == "nach § 1 G"


@pytest.mark.parametrize(("template", "problem"), [
    ("{subject} handelte.", "{subject} nennt die Rolle 'subject' ohne Kasus; erwartet z. B. "
     "{subject:nom} (nom, gen, dat oder akk, wie der Satz es verlangt)"),
    ("{subject:dativ} half.", "{subject:dativ}: unbekannte Form 'dativ'; erwartet einen Kasus (nom, "
     "gen, dat, akk), einen Kasus mit Rollensubstantiv (nom:Amtsträger), ein Pronomen in maskuliner "
     "Form (er, ihn, ihm, sein, seine, seines, seinem, seinen, seiner) oder Singular/Plural (ist/sind)"),
    ("{subject:nom:Bäcker}", "{subject:nom:Bäcker}: 'Bäcker' ist kein Rollensubstantiv, das lawkit "
     "beugen kann; erwartet eines von "),
    ("{subject:nom:eine Beamter}", "{subject:nom:eine Beamter}: schreiben Sie den Artikel im "
     "Nominativ maskulin (der, ein oder kein), nicht 'eine'; lawkit beugt ihn"),
    ("{citation:gen}", "{citation:gen}: der Platzhalter 'citation' ist reiner Text und hat keinen "
     "Kasus; schreiben Sie {citation}"),
    ("{subject:ist}", "{subject:ist}: unbekannte Form 'ist'; erwartet einen Kasus"),
])
def test_a_slot_without_a_usable_case_is_a_problem(template, problem):
    problems = template_problems(template)
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_well_formed_templates_have_no_problems():
    assert template_problems("{subject:nom} ist {subject:nom:kein Amtsträger}; {subject:er} "
                             "handelte {information:ist/sind} {citation}.") == []


def test_the_short_form_of_a_role_needs_an_article_to_tell_its_gender():
    assert role_from_text("die Z-Bank") == BANK
    assert role_from_text("der Staat") == Role("Staat", Genus.M, article=True)
    assert role_from_text("R") is None


# -- word order -------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ein Geheimnis liegt vor.", "Damit liegt ein Geheimnis vor."),
    ("Es liegt kein fremdes Geheimnis vor.", "Damit liegt kein fremdes Geheimnis vor."),
    ("Es handelt sich um ein Geheimnis.", "Damit handelt es sich um ein Geheimnis."),
    ("Es genügt, dass die Tatsache wenigen bekannt ist.",
     "Damit genügt es, dass die Tatsache wenigen bekannt ist."),
    ("R hat das Geheimnis offenbart (SV Abs. 3).", "Damit hat R das Geheimnis offenbart (SV Abs. 3)."),
])
def test_fronted_puts_the_verb_second(sentence, expected):
    assert fronted("Damit", sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ein Geheimnis liegt vor.", "ob ein Geheimnis vorliegt"),
    ("Es liegt kein Geheimnis vor.", "ob kein Geheimnis vorliegt"),
    ("R handelte vorsätzlich.", "ob R vorsätzlich handelte"),
    ("Das Urteil weicht ab und beruht auf der Abweichung.",
     "ob das Urteil abweicht und auf der Abweichung beruht"),
    ("Die Frist ist gewahrt oder gilt als gewahrt.", "ob die Frist gewahrt ist oder als gewahrt gilt"),
    ("Eine Frage, die der Klärung bedarf, liegt vor.", "ob eine Frage, die der Klärung bedarf, vorliegt"),
])
def test_ob_puts_the_verb_last(sentence, expected):
    assert ob(sentence) == expected


def test_condition_and_main_clause():
    assert verb_first("R handelte vorsätzlich.") == "Handelte R vorsätzlich"
    assert main_after_condition("R hat sich strafbar gemacht.") == "hat sich R strafbar gemacht"
    assert main_after_condition("Es handelt sich um ein Geheimnis.") == "handelt es sich um ein Geheimnis"
    assert inserted("R ist Amtsträgerin.", "jedenfalls") == "R ist jedenfalls Amtsträgerin."


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Die Tatsachen sind geheim.", "die Tatsachen sind geheim."),
    ("R weiß es.", "R weiß es."),
    ("§ 839 BGB greift.", "§ 839 BGB greift."),
    ("Für die Liste zahlt ein Konkurrent.", "für die Liste zahlt ein Konkurrent."),
    ("Dass die Frist versäumt wäre, ist nicht ersichtlich.",
     "dass die Frist versäumt wäre, ist nicht ersichtlich."),
    ("Sachfremde Erwägungen sind nicht ersichtlich.", "sachfremde Erwägungen sind nicht ersichtlich."),
    ("Anhaltspunkte bestehen nicht.", None),  # a noun or an adjective? no 'denn' then
])
def test_continued_writes_only_function_words_small(sentence, expected):
    assert continued(sentence) == expected
