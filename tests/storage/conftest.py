"""A local S3 server for the storage tests: moto's, in a thread of the test process, on a free
port of 127.0.0.1; no network. Each test gets a bucket of its own, and the site's storages on it."""

import socket
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from eig.storage import s3_storages

KEYS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_s3_server():
    """A running moto server and its address; stop it with `.stop()`."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def s3_server():
    server, address = start_s3_server()
    yield address
    server.stop()


def s3_settings(address, bucket):
    """The storages of a site whose files go to `bucket` on the server at `address`."""
    return s3_storages(
        bucket=bucket,
        endpoint_url=address,
        region="us-east-1",
        access_key=KEYS["aws_access_key_id"],
        secret_key=KEYS["aws_secret_access_key"],
        style="path",
    )


def new_bucket(address):
    client = boto3.client("s3", endpoint_url=address, region_name="us-east-1", **KEYS)
    bucket = f"eig-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    return client, bucket


class Bucket:
    """The test's bucket, read directly (not through the site)."""

    def __init__(self, client, name):
        self.client, self.name = client, name

    def names(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def bucket(s3_server, settings):
    """A fresh bucket, and the site's default and private storages on it."""
    client, name = new_bucket(s3_server)
    settings.STORAGES = {**settings.STORAGES, **s3_settings(s3_server, name)}
    return Bucket(client, name)
