"""The register's addresses: each views module owns its own."""

from gaps.views import gap, register, triage

app_name = "gaps"

urlpatterns = register.urlpatterns + gap.urlpatterns + triage.urlpatterns
