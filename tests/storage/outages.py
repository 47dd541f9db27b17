"""An object-storage outage for the tests of any app: the site's storages on a bucket of a
moto server of the test's own, which `outage.begin()` stops."""

from tests.storage.conftest import Bucket, new_bucket, s3_settings, start_s3_server


class Outage(Bucket):
    def __init__(self, client, name, server):
        super().__init__(client, name)
        self.server = server

    def begin(self):
        self.server.stop()


def outage_of(settings):
    """A generator for a fixture: yields the Outage, stops the server afterwards."""
    server, address = start_s3_server()
    client, name = new_bucket(address)
    settings.STORAGES = {**settings.STORAGES, **s3_settings(address, name)}
    outage = Outage(client, name, server)
    yield outage
    server.stop()
