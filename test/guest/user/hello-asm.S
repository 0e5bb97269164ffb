// cflags: -nostdlib
// write(1, msg, 14); exit_group(0). Needs only ADD (immediate) and SVC:
// registers start at zero, and msg lies in the first page at 0x400000.
	.globl _start
_start:
	add	x0, x0, #1
	add	x1, x1, #0x400, lsl #12
	add	x1, x1, #:lo12:msg
	add	x2, x2, #14
	add	x8, x8, #64	// write
	svc	#0
	sub	x0, x0, #14	// x0 = 0 when the write was complete
	add	x8, x8, #30	// 94 = exit_group
	svc	#0
msg:	.ascii	"hello, arm64!\n"
