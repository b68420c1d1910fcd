// zlib, for the simulator's gzip archives. Exposed to Swift as the CZlib module.
#include <zlib.h>
