"""The criteria of the audition grid: the programme's published criteria, scored 1 to 5.

They come from the selection's grid (eig.selection.scoring); the availability check, a yes or
no already answered on the written dossier, is left out of the audition.
"""

from eig.selection.scoring import DEFAULT_CRITERIA, SCALE_MAX, SCALE_MIN

SCORE_MIN = SCALE_MIN
SCORE_MAX = SCALE_MAX
CRITERIA = [(criterion.key, criterion.label) for criterion in DEFAULT_CRITERIA if criterion.scored]
