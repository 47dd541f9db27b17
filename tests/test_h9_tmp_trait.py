import factory
from django.contrib.auth.models import Group
from tests.factories import CandidateFactory

class F(CandidateFactory):
    class Params:
        programme_team = factory.Trait(groups=["Équipe du programme"])
    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        print("groups extracted", extracted)
        if create and extracted:
            self.groups.set([Group.objects.get_or_create(name=n)[0] for n in extracted])

def test_it(db):
    u = F(programme_team=True)
    print(list(u.groups.all()))
    v = F()
    print(list(v.groups.all()))
