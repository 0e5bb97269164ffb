#include <stdio.h>
#define OP(name, t, W) static void name(unsigned long a, unsigned long b, unsigned long fpcr){ unsigned long r, s; \
 asm volatile("msr fpcr, %3\n msr fpsr, xzr\n fmov " t "1, %" W "1\n fmov " t "2, %" W "2\n " #name " " t "0, " t "1, " t "2\n fmov %" W "0, " t "0\n mrs %4, fpsr\n msr fpcr, xzr" \
   : "=&r"(r) : "r"(a), "r"(b), "r"(fpcr), "r"(0) : "v0","v1","v2"); }
int main(){ unsigned long id,fpcr,a,b; while(scanf("%lx %lx %lx %lx",&id,&fpcr,&a,&b)==4){ unsigned long r=0,s=0;
#define C(i, ins, t, W) if(id==i){ asm volatile("msr fpcr, %[f]\n msr fpsr, xzr\n fmov " t "1, %" W "[a]\n fmov " t "2, %" W "[b]\n " ins "\n fmov %" W "[r], " t "0\n mrs %[s], fpsr\n msr fpcr, xzr" : [r]"=&r"(r), [s]"=&r"(s) : [a]"r"(a), [b]"r"(b), [f]"r"(fpcr) : "v0","v1","v2"); }
 C(0,"fcmeq s0, s1, s2","s","w") C(1,"fcmge s0, s1, s2","s","w") C(2,"fcmgt s0, s1, s2","s","w") C(3,"facge s0, s1, s2","s","w") C(4,"facgt s0, s1, s2","s","w")
 C(5,"fcmeq d0, d1, d2","d","x") C(6,"fcmge d0, d1, d2","d","x") C(7,"fcmgt d0, d1, d2","d","x") C(8,"facge d0, d1, d2","d","x") C(9,"facgt d0, d1, d2","d","x")
 C(10,"fcmeq h0, h1, h2","h","w") C(11,"fcmge h0, h1, h2","h","w") C(12,"fcmgt h0, h1, h2","h","w") C(13,"facge h0, h1, h2","h","w") C(14,"facgt h0, h1, h2","h","w")
 C(15,"fcmeq s0, s1, #0.0","s","w") C(16,"fcmge d0, d1, #0.0","d","x") C(17,"fcmgt h0, h1, #0.0","h","w")
 printf("%lx %lx\n", r, s); } }
