// libedit (BSD editline), from the system: apt libedit-dev.
#include <histedit.h>
