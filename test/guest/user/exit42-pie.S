// cflags: -nostdlib -static-pie
// exit_group(42) as a static PIE (ET_DYN without an interpreter).
	.globl _start
_start:
	add	x0, x0, #42
	add	x8, x8, #94	// exit_group
	svc	#0
