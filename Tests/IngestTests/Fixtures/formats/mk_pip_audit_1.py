# Writes a pip-audit 1.x JSON report with pip-audit 1.1.2's own formatter: its advisory services need
# network access, which the fixture machine has not. Real writer, stated advisories.
from packaging.version import Version
import pip_audit._service as service
from pip_audit._format.json import JsonFormat
deps = {
  service.ResolvedDependency(name="requests", version=Version("2.19.0")): [
     service.VulnerabilityResult(id="PYSEC-2018-28", description="Requests before 2.20.0 sends an HTTP Authorization header to an http URI upon receiving a same-hostname https-to-http redirect.", fix_versions=[Version("2.20.0")]),
     service.VulnerabilityResult(id="PYSEC-2023-74", description="Requests leaks Proxy-Authorization headers to destination servers.", fix_versions=[Version("2.31.0")]),
  ],
  service.ResolvedDependency(name="jinja2", version=Version("2.10")): [
     service.VulnerabilityResult(id="PYSEC-2019-217", description="In Pallets Jinja before 2.10.1, str.format_map allows a sandbox escape.", fix_versions=[Version("2.10.1")]),
  ],
  service.ResolvedDependency(name="idna", version=Version("3.7")): [],
  service.SkippedDependency(name="torch", skip_reason="Dependency not found on PyPI and could not be audited: torch (2.3.0+cpu)"): [],
}
import sys
sys.stdout.write(JsonFormat(True).format(deps))
