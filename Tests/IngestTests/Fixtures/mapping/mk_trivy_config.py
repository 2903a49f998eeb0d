#!/usr/bin/env python3
"""Writes the Trivy JSON report (SchemaVersion 2) of `trivy fs --scanners vuln,misconfig,secret` on
../tree: misconfigurations of the Terraform, Dockerfile and Kubernetes files with Trivy's check ids,
titles, messages and CauseMetadata (resource, lines, code) as its checks bundle words them, a PASS,
the vulnerable pins of requirements.txt with their advisories' CWE ids, and the masked AWS secret
in the Dockerfile. Trivy is a Go binary that neither PyPI nor Debian carry here."""
import json

def misconf(kind, avd, title, message, severity, resource, start, end, code, resolution="", status="FAIL"):
    short = avd.replace("AVD-", "")
    return {"Type": kind, "ID": short, "AVDID": avd, "Title": title, "Description": title + ".", "Message": message,
            "Namespace": "builtin." + kind.lower().replace(" ", "") + "." + short.lower().replace("-", ""),
            "Query": "data.builtin.deny", "Resolution": resolution or "See the check's documentation.", "Severity": severity,
            "PrimaryURL": f"https://avd.aquasec.com/misconfig/{avd.lower()}", "References": [f"https://avd.aquasec.com/misconfig/{avd.lower()}"],
            "Status": status, "Layer": {},
            "CauseMetadata": {"Resource": resource, "Provider": "AWS" if kind == "Terraform" else kind, "Service": "s3" if "s3" in resource else "general",
                              "StartLine": start, "EndLine": end,
                              "Code": {"Lines": [{"Number": start + i, "Content": line, "IsCause": True, "Annotation": "", "Truncated": False,
                                                  "FirstCause": i == 0, "LastCause": i == len(code) - 1} for i, line in enumerate(code)]}}}

tf = "infra/storage.tf"
terraform = [
    misconf("Terraform", "AVD-AWS-0092", "S3 Buckets not publicly accessible through ACL.", "Bucket has a public ACL: 'public-read'.", "HIGH",
            "aws_s3_bucket.public_docs", 19, 22, ['resource "aws_s3_bucket" "public_docs" {', '  bucket = "acme-rag-public-docs"', '  acl    = "public-read"', '}']),
    misconf("Terraform", "AVD-AWS-0092", "S3 Buckets not publicly accessible through ACL.", "Bucket has a public ACL: 'public-read'.", "HIGH",
            "aws_s3_bucket_acl.model_weights", 28, 31, ['resource "aws_s3_bucket_acl" "model_weights" {', '  bucket = aws_s3_bucket.model_weights.id', '  acl    = "public-read"', '}']),
    misconf("Terraform", "AVD-AWS-0086", "S3 Access block should block public ACL", "No public access block so not blocking public acls", "HIGH",
            "aws_s3_bucket.training_data", 1, 3, ['resource "aws_s3_bucket" "training_data" {', '  bucket = "acme-rag-training-data"', '}']),
    misconf("Terraform", "AVD-AWS-0088", "Unencrypted S3 bucket.", "Bucket does not have encryption enabled", "HIGH",
            "aws_s3_bucket.training_data", 1, 3, ['resource "aws_s3_bucket" "training_data" {', '  bucket = "acme-rag-training-data"', '}']),
    misconf("Terraform", "AVD-AWS-0089", "S3 Bucket Logging", "Bucket has logging disabled", "LOW",
            "aws_s3_bucket.model_weights", 24, 26, ['resource "aws_s3_bucket" "model_weights" {', '  bucket = "acme-rag-model-weights"', '}']),
    misconf("Terraform", "AVD-AWS-0090", "S3 Data should be versioned", "Bucket does not have versioning enabled", "MEDIUM",
            "aws_s3_bucket.training_data", 1, 3, ['resource "aws_s3_bucket" "training_data" {', '  bucket = "acme-rag-training-data"', '}']),
    misconf("Terraform", "AVD-AWS-0107", "An ingress security group rule allows traffic from /0.", "Security group rule allows ingress from public internet.", "CRITICAL",
            "aws_security_group.inference", 37, 37, ['    cidr_blocks = ["0.0.0.0/0"]']),
    misconf("Terraform", "AVD-AWS-0124", "Missing description for security group rule.", "Security group rule does not have a description.", "LOW",
            "aws_security_group.inference", 33, 38, ['  ingress {', '    from_port   = 22', '    to_port     = 22', '    protocol    = "tcp"', '    cidr_blocks = ["0.0.0.0/0"]', '  }']),
    misconf("Terraform", "AVD-AWS-0057", "IAM policy should avoid use of wildcards and instead apply the principle of least privilege",
            "IAM policy document uses wildcarded action '*'", "HIGH", "aws_iam_policy.trainer", 45, 48,
            ['  policy = jsonencode({', '    Version   = "2012-10-17"', '    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]', '  })']),
    misconf("Terraform", "AVD-AWS-0080", "RDS encryption has not been enabled at a DB Instance level.", "Instance does not have storage encryption enabled.", "HIGH",
            "aws_db_instance.features", 55, 55, ['  storage_encrypted   = false']),
    misconf("Terraform", "AVD-AWS-0180", "RDS Publicly Accessible", "Instance has Public Access enabled", "HIGH",
            "aws_db_instance.features", 54, 54, ['  publicly_accessible = true']),
    misconf("Terraform", "AVD-AWS-0077", "RDS Cluster and RDS instance should have backup retention longer than default 1 day",
            "Instance has very low backup retention period.", "MEDIUM", "aws_db_instance.features", 50, 58, ['resource "aws_db_instance" "features" {']),
    misconf("Terraform", "AVD-AWS-0133", "Enable Performance Insights", "Instance does not have performance insights enabled.", "LOW",
            "aws_db_instance.features", 50, 58, ['resource "aws_db_instance" "features" {']),
    misconf("Terraform", "AVD-AWS-0093", "S3 Access block should restrict public bucket to limit access", "No public access block so not restricting public buckets", "HIGH",
            "aws_s3_bucket.public_docs", 19, 22, ['resource "aws_s3_bucket" "public_docs" {']),
    misconf("Terraform", "AVD-AWS-0091", "S3 Access Block should Ignore Public Acl", "No public access block so not ignoring public acls", "HIGH",
            "aws_s3_bucket.public_docs", 19, 22, ['resource "aws_s3_bucket" "public_docs" {'], status="PASS"),
]
dockerfile = [
    misconf("Dockerfile", "AVD-DS-0002", "Image user should not be 'root'", "Specify at least 1 USER command in Dockerfile with non-root user as argument", "HIGH",
            "Dockerfile", 1, 1, ["FROM python:3.11"]),
    misconf("Dockerfile", "AVD-DS-0005", "ADD instead of COPY", "Consider using 'COPY https://models.example.com/encoder.tar.gz /opt/models/' command instead of 'ADD https://models.example.com/encoder.tar.gz /opt/models/'", "LOW",
            "Dockerfile", 5, 5, ["ADD https://models.example.com/encoder.tar.gz /opt/models/"]),
    misconf("Dockerfile", "AVD-DS-0004", "Port 22 exposed", "Port 22 should not be exposed in Dockerfile", "MEDIUM", "Dockerfile", 9, 9, ["EXPOSE 22 8080"]),
    misconf("Dockerfile", "AVD-DS-0026", "No HEALTHCHECK defined", "Add HEALTHCHECK instruction in your Dockerfile", "LOW", "Dockerfile", 1, 10, ["FROM python:3.11"]),
    misconf("Dockerfile", "AVD-DS-0029", "'apt-get' missing '--no-install-recommends'", "'--no-install-recommends' flag is missed: 'apt-get update && apt-get install -y curl git'", "HIGH",
            "Dockerfile", 3, 3, ["RUN apt-get update && apt-get install -y curl git"]),
]
kubernetes = [
    misconf("Kubernetes", "AVD-KSV-0017", "Privileged container", "Container 'server' of Pod 'rag-inference' should set 'securityContext.privileged' to false", "HIGH",
            "Pod/rag-inference", 11, 14, ["      securityContext:", "        privileged: true", "        allowPrivilegeEscalation: true", "        runAsUser: 0"]),
    misconf("Kubernetes", "AVD-KSV-0001", "Can elevate its own privileges", "Container 'server' of Pod 'rag-inference' should set 'securityContext.allowPrivilegeEscalation' to false", "MEDIUM",
            "Pod/rag-inference", 11, 14, ["        allowPrivilegeEscalation: true"]),
    misconf("Kubernetes", "AVD-KSV-0009", "Access to host network", "Pod 'rag-inference' should not set 'spec.template.spec.hostNetwork' to true", "HIGH",
            "Pod/rag-inference", 6, 6, ["  hostNetwork: true"]),
    misconf("Kubernetes", "AVD-KSV-0011", "CPU not limited", "Container 'server' of Pod 'rag-inference' should set 'resources.limits.cpu'", "LOW",
            "Pod/rag-inference", 8, 19, ["    - name: server"]),
    misconf("Kubernetes", "AVD-KSV-0018", "Memory not limited", "Container 'server' of Pod 'rag-inference' should set 'resources.limits.memory'", "LOW",
            "Pod/rag-inference", 8, 19, ["    - name: server"]),
    misconf("Kubernetes", "AVD-KSV-0013", "Image tag \":latest\" used", "Container 'server' of Pod 'rag-inference' should specify an image tag", "MEDIUM",
            "Pod/rag-inference", 10, 10, ["      image: acme/rag-inference:latest"]),
    misconf("Kubernetes", "AVD-KSV-0105", "Containers must not set runAsUser to 0", "securityContext.runAsUser should be set to a value greater than 0", "LOW",
            "Pod/rag-inference", 14, 14, ["        runAsUser: 0"]),
    misconf("Kubernetes", "AVD-KSV-0110", "Workloads in the default namespace", "Pod 'rag-inference' should not be set with 'default' namespace", "LOW",
            "Pod/rag-inference", 3, 4, ["metadata:", "  name: rag-inference"]),
]

def vuln(id, pkg, installed, fixed, severity, title, cwes, score):
    return {"VulnerabilityID": id, "PkgID": f"{pkg}@{installed}", "PkgName": pkg, "PkgIdentifier": {"PURL": f"pkg:pypi/{pkg}@{installed}"},
            "InstalledVersion": installed, "FixedVersion": fixed, "Status": "fixed", "Layer": {},
            "SeveritySource": "ghsa", "PrimaryURL": f"https://avd.aquasec.com/nvd/{id.lower()}",
            "DataSource": {"ID": "ghsa", "Name": "GitHub Security Advisory pip", "URL": "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Apip"},
            "Title": title, "Description": title + ".", "Severity": severity, "CweIDs": cwes,
            "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": score}}}

vulns = [
    vuln("CVE-2025-32434", "torch", "1.13.0", "2.6.0", "CRITICAL", "PyTorch: torch.load with weights_only=True leads to remote command execution", ["CWE-502"], 9.8),
    vuln("CVE-2024-3568", "transformers", "4.30.0", "4.38.0", "HIGH", "transformers: arbitrary code execution through deserialization of checkpoint data", ["CWE-502"], 8.8),
    vuln("CVE-2023-30861", "flask", "2.0.0", "2.2.5, 2.3.2", "HIGH", "flask: possible disclosure of permanent session cookie due to missing Vary: Cookie header", ["CWE-539"], 7.5),
    vuln("CVE-2018-18074", "requests", "2.19.0", "2.20.0", "HIGH", "python-requests: Redirect from HTTPS to HTTP does not remove Authorization header", ["CWE-522"], 9.8),
    vuln("CVE-2023-32681", "requests", "2.19.0", "2.31.0", "MEDIUM", "python-requests: Unintended leak of Proxy-Authorization header", ["CWE-200"], 6.1),
    vuln("CVE-2024-35195", "requests", "2.19.0", "2.32.0", "MEDIUM", "requests: subsequent requests to the same host ignore cert verification", ["CWE-670"], 5.6),
    vuln("CVE-2020-14343", "pyyaml", "5.3", "5.4", "CRITICAL", "PyYAML: incomplete fix for CVE-2020-1747", ["CWE-20"], 9.8),
    vuln("CVE-2020-1747", "pyyaml", "5.3", "5.3.1", "CRITICAL", "PyYAML: arbitrary command execution through python/object/new when FullLoader is used", ["CWE-20"], 9.8),
]

doc = {
    "SchemaVersion": 2, "CreatedAt": "2026-11-30T10:00:00.000000000Z", "ArtifactName": ".", "ArtifactType": "repository",
    "Metadata": {"ImageConfig": {"architecture": "", "created": "0001-01-01T00:00:00Z", "os": "", "rootfs": {"type": "", "diff_ids": None}, "config": {}}},
    "Results": [
        {"Target": "requirements.txt", "Class": "lang-pkgs", "Type": "pip", "Vulnerabilities": vulns},
        {"Target": "Dockerfile", "Class": "secret", "Secrets": [{
            "RuleID": "aws-secret-access-key", "Category": "AWS", "Severity": "CRITICAL", "Title": "AWS Secret Access Key",
            "StartLine": 2, "EndLine": 2, "Code": {"Lines": [{"Number": 2, "Content": "ENV AWS_SECRET_ACCESS_KEY=****************************************", "IsCause": True}]},
            "Match": "ENV AWS_SECRET_ACCESS_KEY=****************************************", "Layer": {}}]},
        {"Target": "Dockerfile", "Class": "config", "Type": "dockerfile",
         "MisconfSummary": {"Successes": 24, "Failures": len(dockerfile)}, "Misconfigurations": dockerfile},
        {"Target": "deploy/inference.yaml", "Class": "config", "Type": "kubernetes",
         "MisconfSummary": {"Successes": 88, "Failures": len(kubernetes)}, "Misconfigurations": kubernetes},
        {"Target": tf, "Class": "config", "Type": "terraform",
         "MisconfSummary": {"Successes": 31, "Failures": len(terraform) - 1}, "Misconfigurations": terraform},
    ],
}
print(json.dumps(doc, indent=2))
