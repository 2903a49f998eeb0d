# Writes a HiddenLayer Model Scanner report with hiddenlayer-sdk's own ScanReport model and
# serialiser, from stated detections: a real scan needs a HiddenLayer account.
import sys
from hiddenlayer.types.scans.scan_report import ScanReport

report = ScanReport.model_validate({
    "scan_id": "0b7d6c3e-2f1a-4c5b-9e8d-7a6b5c4d3e2f", "start_time": "2026-12-01T00:00:00Z", "end_time": "2026-12-01T00:00:09Z",
    "status": "done", "version": "3.0.0", "detection_count": 2, "file_count": 3, "files_with_detections_count": 1,
    "inventory": {"model_id": "8f7e6d5c-4b3a-2f1e-0d9c-8b7a6f5e4d3c", "model_name": "fraud-detector", "model_version_id": "v2",
                  "requested_scan_location": "s3://models/fraud-detector/v2/", "model_version": "2.3.0", "request_source": "API Upload"},
    "summary": {"detection_count": 2, "file_count": 3, "files_with_detections_count": 1, "files_failed_to_scan": 1, "highest_severity": "critical",
                "detection_categories": ["Arbitrary Code Execution"], "mitre_atlas": [{"tactic": "ML Attack Staging", "technique": "AML.T0018"}]},
    "file_results": [
        {"file_instance_id": "f1", "file_location": "fraud-detector/v2/model.pkl", "status": "done", "seen": "2026-12-01T00:00:01Z",
         "start_time": "2026-12-01T00:00:01Z", "end_time": "2026-12-01T00:00:03Z",
         "details": {"estimated_time": "1s", "file_type": "pickle", "sha256": "7c5d3f4b8b76583b422fcb9189ad6c89d5d97a094541ce8932dce3ecabde1f21", "file_size_bytes": 73},
         "detections": [
            {"detection_id": "d1", "rule_id": "PICKLE_0055_202408", "category": "Arbitrary Code Execution", "severity": "critical", "risk": "MALICIOUS",
             "description": "This detection rule was triggered by the presence of a function or library that can be used to execute code: posix.system",
             "cve": [], "cwe": "CWE-502", "cwe_href": "https://cwe.mitre.org/data/definitions/502.html", "owasp": ["LLM03"], "impact": "high", "likelihood": "high",
             "mitre_atlas": [{"tactic": "ML Attack Staging", "technique": "AML.T0018"}]},
            {"detection_id": "d2", "rule_id": "PICKLE_0032_202408", "category": "Arbitrary Code Execution", "severity": "high", "risk": "SUSPICIOUS",
             "description": "This detection rule was triggered by the presence of a function or library that can be used to open network connections: socket.socket",
             "cve": [], "cwe": "CWE-502", "cwe_href": "https://cwe.mitre.org/data/definitions/502.html", "owasp": ["LLM03"], "impact": "medium", "likelihood": "medium",
             "mitre_atlas": [{"tactic": "ML Attack Staging", "technique": "AML.T0018"}]}]},
        {"file_instance_id": "f2", "file_location": "fraud-detector/v2/config.json", "status": "done", "seen": "2026-12-01T00:00:01Z",
         "start_time": "2026-12-01T00:00:03Z", "end_time": "2026-12-01T00:00:04Z",
         "details": {"estimated_time": "1s", "file_type": "json", "sha256": "07cbc1c3e2b4a6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6"}, "detections": []},
        {"file_instance_id": "f3", "file_location": "fraud-detector/v2/weights.h5", "status": "failed", "seen": "2026-12-01T00:00:01Z",
         "start_time": "2026-12-01T00:00:04Z", "end_time": "2026-12-01T00:00:09Z",
         "details": {"estimated_time": "5s", "file_type": "hdf5", "sha256": "248dfc3911869ec493c76e65bf2fcf7f615828b0254c12b473182f0f81d3a707"},
         "detections": [], "file_error": ["unable to read HDF5 superblock"]}]})
sys.stdout.write(report.to_json(indent=2))
