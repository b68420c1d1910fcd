#ifndef MIGDASH_CLIBCRYPTO_SHIM_H
#define MIGDASH_CLIBCRYPTO_SHIM_H

// The system's libcrypto (OpenSSL), for SHA-256 of downloaded archives.
//
// migdash calls SHA256_Init/Update/Final, which OpenSSL 3 marks deprecated in favour of EVP: the EVP
// interface first loads OpenSSL's configuration and provider machinery, about 2 MB more resident
// memory in a process that must stay small while it downloads gigabytes. The functions remain part
// of OpenSSL 3's API; the macro below only silences the deprecation attributes.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>

#endif
