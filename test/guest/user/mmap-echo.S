// cflags: -nostdlib
// mmap an anonymous page, read stdin into it, write that to stdout, munmap
// it, then check that writing from the unmapped page fails with EFAULT:
// exit status 100 when it does. Only ADD/SUB (immediate) and SVC, so x20
// (never written) serves as zero.
	.globl _start
_start:
	add	x1, x1, #1, lsl #12	// length 4096
	add	x2, x2, #3		// PROT_READ|PROT_WRITE
	add	x3, x3, #0x22		// MAP_PRIVATE|MAP_ANONYMOUS
	sub	x4, x4, #1		// fd -1
	add	x8, x8, #222		// mmap
	svc	#0
	add	x21, x0, #0		// x21 = the page
	add	x1, x0, #0		// read(0, page, 4096)
	add	x0, x20, #0
	add	x2, x2, #4093
	sub	x8, x8, #159		// 63 = read
	svc	#0
	add	x2, x0, #0		// write(1, page, n)
	add	x0, x20, #1
	add	x8, x8, #1		// 64 = write
	svc	#0
	add	x0, x21, #0		// munmap(page, 4096)
	add	x1, x20, #1, lsl #12
	add	x8, x8, #151		// 215 = munmap
	svc	#0
	add	x0, x20, #1		// write(1, page, 1): -EFAULT (-14)
	add	x1, x21, #0
	add	x2, x20, #1
	sub	x8, x8, #151		// 64 = write
	svc	#0
	add	x0, x0, #114		// -14 + 114 = 100
	add	x8, x8, #30		// 94 = exit_group
	svc	#0
