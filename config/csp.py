"""The Content-Security-Policy middleware, with the one exception the editors' admin needs."""
from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """``settings.CONTENT_SECURITY_POLICY`` everywhere; under ``/admin/`` updated by
    ``settings.ADMIN_CSP_UPDATE`` (measured in tests/web/test_browser_csp.py)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.update is None and request.path_info.startswith("/admin/"):
            parts.update = settings.ADMIN_CSP_UPDATE
        return parts
