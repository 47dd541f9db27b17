vcl 4.1;
# The front cache of the platform (docs/production.md). Django decides what may be shared: only
# the answers it marks `Cache-Control: public, s-maxage=…` (eig/http_cache.py), which it gives
# only to visitors without a session. Everything here is defence around that decision: the
# spaces of signed-in people and every form are passed to Django untouched, a request with a
# session is never answered from the cache, and nothing a visitor sends (cookies, unknown query
# parameters, Cache-Control, Pragma) can make another visitor's page or evict one.

import std;

# `make prod` writes its own port here (deploy/prod.sh): gunicorn, on this machine.
backend default {
    .host = "127.0.0.1";
    .port = "8081";
    # The visitor's address, for the sign-in limits (deploy/gunicorn.conf.py).
    .proxy_header = 1;
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: Django's task worker, on this machine. Behind a TLS proxy on the same machine,
# give Varnish the visitor's address with the PROXY protocol (docs/production.md).
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # The address with every query string of it (the défis list with its filters).
        ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    # A client's wishes about caching concern its own cache, never the shared one.
    unset req.http.Cache-Control;
    unset req.http.Pragma;
    # The language is in the path (/en/…), never in the request's headers: one copy per address.
    unset req.http.Accept-Language;

    # An absolute address (GET http://host/path) is read as its path.
    set req.url = regsub(req.url, "^https?://[^/]+", "");
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # bypass: the spaces of signed-in people, sign-in, forms, personal calendars, Wagtail.
    if (req.url ~ "^/(en/)?(admin|documents|_util|equipe|jury|jury-defis|mentor|mon-espace|mes-espaces|ma-promotion|candidater|connexion|deconnexion|compte|confirmer-mon-adresse|administration|audition-defi|agenda)(/|\?|$)"
        || req.url ~ "^/(en/)?evenements/[0-9]+/(inscription|annulation)"
        # An encoded path could name a space in a way the list above does not read.
        || req.url ~ "^[^?]*%") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A session (or a message waiting for its page) means a page made for one person.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies (the CSRF token, the trusted browser) change nothing on a public page.
    unset req.http.Cookie;

    # Query strings: on the public pages, only the parameters the page reads, empty ones dropped;
    # elsewhere (the API, paginated pages) the parameters of links' tracking only. Then sorted.
    if (req.url ~ "^/defis/\?") {
        set req.url = regsuball(req.url, "([?&])(?!(recherche|promotion|competence|administration)=[^&])[^&]*", "\1");
    } else if (req.url ~ "^/reglement/\?") {
        set req.url = regsuball(req.url, "([?&])(?!(promotion|version)=[^&])[^&]*", "\1");
    } else if (req.url ~ "^/(defis/[^/?]+/|promotions/([0-9]+/)?|presse/|evenements/|faq/|plan-du-site/|)(\?|$)") {
        set req.url = regsub(req.url, "\?.*$", "");
    } else {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|xtor)=[^&]*", "\1");
    }
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]$", "");
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_hash {
    # One site: the address alone (and the scheme, so that a redirect to HTTPS is never mixed
    # with the page it leads to).
    hash_data(req.url);
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    # Kept on the copy for the purges (see PURGE above), never sent out.
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(^|,)\s*public"
        || beresp.http.Cache-Control ~ "private|no-store|no-cache"
        || beresp.http.Vary == "*") {
        # Not for sharing; remembered briefly so that requests for it do not wait on each other.
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    # After s-maxage, a copy may still be served for a minute while a fresh one is fetched.
    set beresp.grace = 60s;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|javascript|xml|rss|atom))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-path;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    return (deliver);
}

sub vcl_synth {
    # PURGE answers: nothing else of the site.
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason;
    return (deliver);
}
