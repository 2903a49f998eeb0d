resource "aws_s3_bucket" "training_data" {
  bucket = "acme-rag-training-data"
}

resource "aws_s3_bucket_policy" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:PutObject"]
      Resource  = "arn:aws:s3:::acme-rag-training-data/*"
    }]
  })
}

resource "aws_s3_bucket" "public_docs" {
  bucket = "acme-rag-public-docs"
  acl    = "public-read"
}

resource "aws_s3_bucket" "model_weights" {
  bucket = "acme-rag-model-weights"
}

resource "aws_s3_bucket_acl" "model_weights" {
  bucket = aws_s3_bucket.model_weights.id
  acl    = "public-read"
}

resource "aws_security_group" "inference" {
  name = "inference"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_policy" "trainer" {
  name = "trainer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_db_instance" "features" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  publicly_accessible = true
  storage_encrypted   = false
  username            = "admin"
  password            = "Sup3rS3cretPassw0rd"
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  role_arn               = "arn:aws:iam::123456789012:role/research"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Enabled"
  root_access            = "Enabled"
}
