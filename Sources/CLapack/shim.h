// Debian's LAPACKE (liblapacke-dev) and OpenBLAS's CBLAS (libopenblas-dev).
#include <lapacke.h>
#include <cblas.h>
