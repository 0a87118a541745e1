// The system SQLite library (Debian: libsqlite3-dev), for Storage's direct SQLite connection.
#include <sqlite3.h>
