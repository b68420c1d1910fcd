#ifndef MIGDASH_CARCHIVE_SHIM_H
#define MIGDASH_CARCHIVE_SHIM_H

// libarchive reads the tar inside a migration archive; gzip is inflated by zlib first (see ArchiveInspection).
#include <archive.h>
#include <archive_entry.h>

#endif
