#include <stdio.h>
int main(){ unsigned v; while(scanf("%x",&v)==1){ unsigned r1,r2; asm volatile("fmov s1, %w2\n urecpe v0.2s, v1.2s\n fmov %w0, s0\n ursqrte v0.2s, v1.2s\n fmov %w1, s0":"=r"(r1),"=r"(r2):"r"(v):"v0","v1"); printf("%x %x\n",r1,r2);} }
