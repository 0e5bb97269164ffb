// cflags: -nostdlib
// exit_group(42) using only ADD (immediate) and SVC: the smallest program.
	.globl _start
_start:
	add	x0, x0, #42
	add	x8, x8, #94	// exit_group
	svc	#0
