"""lawkit in a faculty's learning platform (LMS): helpers for the class hub in deploy/.

`lawkit.lms.pull_conflicts` is a Jupyter server extension for the students' servers: it makes
nbgitpuller (material by link) tell a student, in German, where the lecturer's new version of
a file could not be merged into the student's own changes.
"""
