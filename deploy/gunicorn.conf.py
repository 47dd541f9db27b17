"""gunicorn's settings for the platform (`gunicorn eig.wsgi -c deploy/gunicorn.conf.py`).

Read from the environment, with the values of `make prod`: see docs/production.md.
"""

import os

# Behind the front cache on the same machine by default; a PaaS gives its own PORT.
if os.environ.get("GUNICORN_BIND"):
    bind = os.environ["GUNICORN_BIND"]
elif os.environ.get("PORT"):
    bind = f"0.0.0.0:{os.environ['PORT']}"
else:
    bind = "127.0.0.1:8081"
# Threads wait on the database and the network; processes use the cores.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Under the 60 s Varnish waits for a first byte; a longer request is a fault to see in the logs.
timeout = 50
graceful_timeout = 20
keepalive = 5
# Varnish tells the visitor's address with the PROXY protocol (deploy/varnish.vcl), so that the
# sign-in limits count per visitor and not per front cache; plain HTTP is still accepted.
proxy_protocol = os.environ.get("GUNICORN_PROXY_PROTOCOL", "auto")
proxy_allow_ips = os.environ.get("GUNICORN_PROXY_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
# A process that served many requests is replaced, so that a slow leak never grows for days.
max_requests = 5000
max_requests_jitter = 500
