// libcrypto (OpenSSL, Debian's libssl-dev) for SHA-256: report hashes and finding fingerprints.
// The only importer is Ingest's SHA256.swift.
#include <openssl/evp.h>
