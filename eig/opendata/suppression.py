"""Small counts kept out of what the platform publishes, so that nobody can be singled out.

A count of people below `OPEN_DATA_MIN_COUNT` is published empty (None). Suppressing the small
cell is not enough when the others and their total are published: the missing cell would be their
difference. So the rules below also hide complementary cells until no published figure, nor any
difference of published figures, is a count between 1 and the threshold. A difference of 0 says
something about nobody and stays.
"""

from django.conf import settings


def threshold():
    return settings.OPEN_DATA_MIN_COUNT


def shown(count):
    """`count`, or None below the threshold."""
    return count if count >= threshold() else None


def in_partition(counts, total_known=True):
    """The counts of groups that split a published total (profiles of the applications of a
    promotion, first choices per défi): the small ones hidden, then, while the hidden ones add up
    to between 1 and the threshold (their sum being the total minus the published ones), the
    smallest published one hidden too. Returns the list, None where hidden.

    With `total_known=False` (nothing publishes their sum), only the small cells are hidden.
    """
    limit = threshold()
    hidden = {index for index, count in enumerate(counts) if count < limit}
    if total_known:
        while 0 < sum(counts[index] for index in hidden) < limit:
            published = [index for index in range(len(counts)) if index not in hidden]
            if not published:
                break
            hidden.add(min(published, key=lambda index: (counts[index], index)))
    return [None if index in hidden else count for index, count in enumerate(counts)]


def in_chain(counts):
    """Counts that only decrease along a process (applications that reached each stage of the
    selection): each is hidden when small, or when it is less than the threshold below the
    previous published one (the difference would count the few people who stopped in between).
    Every difference of two published counts is then 0 or at least the threshold."""
    limit = threshold()
    result, previous = [], None
    for count in counts:
        too_close = previous is not None and 0 < previous - count < limit
        if count < limit or too_close:
            result.append(None)
        else:
            result.append(count)
            previous = count
    return result
