provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

resource "aws_s3_bucket" "training_data" {
  bucket = "fraud-training-data"
}

resource "aws_s3_bucket_public_access_block" "training_data" {
  bucket                  = aws_s3_bucket.training_data.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "fraud-research"
  role_arn               = "arn:aws:iam::123456789012:role/sagemaker"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Enabled"
  root_access            = "Enabled"
}

resource "aws_security_group" "model_api" {
  name = "model-api"
  ingress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
