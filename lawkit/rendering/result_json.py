"""The check result as plain data (the schema of `lawkit check --format json`)."""

from __future__ import annotations

from collections.abc import Mapping

from lawkit.evaluation.results import CaseResult, ElementResult, NormResult
from lawkit.model.grammar import Role


def element_dict(result: ElementResult) -> dict[str, object]:
    element = result.element
    data: dict[str, object] = {
        "id": element.id,
        "label": element.label,
        "result": result.result.value,
        "examined": result.examined,
        "dahinstehen": result.dahinstehen,
    }
    if result.basis:
        data["basis"] = list(result.basis)
    if result.deciding:
        data["deciding"] = list(result.deciding)
    if result.fact is not None:
        fact = result.fact
        data["fact"] = {"key": fact.key, "question": element.question,
                        "answer": fact.answer.value, "note": fact.note, "source": fact.source,
                        "assumed": fact.assumed}
    children: tuple[ElementResult, ...] = result.children
    if result.referenced is not None and result.referenced_norm is not None:
        ref: dict[str, object] = {"norm": result.referenced_norm.id,
                                  "citation": result.referenced_norm.citation.canonical(),
                                  "element": element.ref}
        if element.negated:
            ref["negated"] = True  # fulfilled where the referenced element is not
        data["ref"] = ref
        children = result.referenced.children or (result.referenced,)
    if result.dispute is not None:
        dispute = result.dispute
        data["meinungsstreit"] = {
            "id": dispute.dispute.id,
            "question": dispute.dispute.question,
            "chosen": dispute.chosen.id,
            "chosen_by": dispute.chosen_by.value,
            "matters": dispute.matters,
            "views": [{"id": o.view.id, "label": o.view.label, "dominant": o.view.dominant,
                       "result": o.result.result.value} for o in dispute.outcomes],
        }
        chosen = next(o.result for o in dispute.outcomes if o.view is dispute.chosen)
        children = chosen.children or (chosen,)
    if result.because is not None:
        data["because"] = result.because.element.id
    if result.either_way is not None:
        data["either_way"] = result.either_way
    if children:
        data["elements"] = [element_dict(child) for child in children]
    return data


def _fill(template: str | None, result: NormResult, case_roles: Mapping[str, Role]) -> str | None:
    if template is None:
        return None
    from lawkit.rendering.texts import fill_roles

    return fill_roles(template, result, case_roles)


def pro_reo(case_final: bool, result: NormResult) -> bool:
    from lawkit.rendering.gutachten import pro_reo as decide

    return decide(case_final, result)


def norm_dict(result: NormResult, case_roles: Mapping[str, Role],
              case_final: bool = False) -> dict[str, object]:
    norm = result.norm
    prosecutable = result.prosecutable
    data: dict[str, object] = {
        "id": norm.id,
        "citation": result.citation,
        "title": norm.title,
        "kind": norm.kind.value,
        "result": result.result.value,
        "basis": list(result.basis),
        "deciding": list(result.deciding),
        "elements": [element_dict(child) for child in result.root.children],
        "verfolgbarkeit": None if not norm.procedural else {
            "result": None if prosecutable is None else prosecutable.value,
            "elements": [element_dict(r) for r in result.procedural],
        },
        "konkurrenzen": [
            {"kind": d.relation.kind.value, "stage": d.relation.stage.value,
             "yields_to": d.relation.yields_to, "yields_to_citation": d.dominant_citation,
             "status": d.status.value, "explanation": d.relation.explanation,
             "condition": None if d.condition is None else element_dict(d.condition)}
            for d in result.displacements
        ],
        "applicable": result.applicable.value,
        "in_dubio_pro_reo": pro_reo(case_final, result),
        "displaced": result.displaced.value,
        "applies": result.applies.value,
        "rechtsfolge": None if norm.consequence is None else {
            "text": norm.consequence.text,
            "liable": _fill(norm.consequence.liable, result, case_roles)},
    }
    return data


def case_result_dict(result: CaseResult) -> dict[str, object]:
    case = result.case
    return {
        "case": {"id": case.id, "title": case.title, "fallfrage": case.fallfrage,
                 "views": dict(case.views), "final": case.final},
        "norms": [norm_dict(n, case.roles, case.final) for n in result.norms],
    }
