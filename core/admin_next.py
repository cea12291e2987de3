"""wagtail-localize redirects to the `next` it is given once Wagtail's host check has
passed it, and that check lets a bare word through ("abc", "-1"): Django's redirect()
then takes it for a view's name and fails with a 500. An address is kept only when it
starts with "/" (the host check still refuses "//elsewhere")."""


def drop_unusable_next(get_response):
    def middleware(request):
        if request.path.startswith("/admin/localize/"):
            for method in ("GET", "POST"):
                params = getattr(request, method)
                if "next" in params and not params["next"].startswith("/"):
                    params = params.copy()
                    del params["next"]
                    setattr(request, method, params)
        return get_response(request)

    return middleware
