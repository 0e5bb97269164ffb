// cflags: -nostdlib
// An unassigned syscall number returns -ENOSYS (-38): exit with 0 - x0 = 38.
	.globl _start
_start:
	add	x8, x8, #999
	svc	#0
	add	x0, x0, #76	// -38 + 76 = 38
	sub	x8, x8, #905	// 999 - 905 = 94 = exit_group
	svc	#0
