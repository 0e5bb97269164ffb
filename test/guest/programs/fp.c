// Floating point as C sees it: IEEE arithmetic in every rounding mode with
// the exception flags, NaN propagation (printed as bits), conversions,
// fused multiply-add, half precision and libm functions.
// cflags: -march=armv8.2-a+fp16 -O1 -frounding-math
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t d2u(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t f2u(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static double u2d(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static float u2f(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

static volatile double dv[] = {0.0, -0.0, 1.0, -1.0, 0.1, 3.0, 1e308, -1e308, 4.9e-324, 2.2250738585072014e-308,
                               1.0 / 3.0, 0.5, 1.5, 2.5, -2.5, 123456789.987654321, 0x1p52, 0x1p63, -0x1p63, 0x1p64};
static volatile float fv[] = {0.0f, -0.0f, 1.0f, -1.0f, 0.1f, 3.0f, 3.4e38f, 1.4e-45f, 1.17549435e-38f, 0.5f,
                              1.5f, 2.5f, -2.5f, 16777217.0f, 0x1p31f, -0x1p31f, 0x1p32f};
#define ND (sizeof dv / sizeof dv[0])
#define NF (sizeof fv / sizeof fv[0])

static uint64_t mix;
static void feed(uint64_t v) { mix = (mix ^ v) * 0x100000001b3ULL; }
static int flags(void) { return fetestexcept(FE_ALL_EXCEPT); }

static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *mode_names[] = {"nearest", "upward", "downward", "towardzero"};

int main(void) {
  for (int m = 0; m < 4; m++) {
    fesetround(modes[m]);
    mix = 0xcbf29ce484222325ULL;
    for (unsigned i = 0; i < ND; i++)
      for (unsigned j = 0; j < ND; j++) {
        double a = dv[i], b = dv[j];
        feclearexcept(FE_ALL_EXCEPT);
        feed(d2u(a + b)); feed(d2u(a - b)); feed(d2u(a * b)); feed(d2u(a / b)); feed(d2u(fma(a, b, 1.0 / 7)));
        feed(d2u(sqrt(fabs(a)))); feed(d2u(fmin(a, b))); feed(d2u(fmax(a, b)));
        feed((uint64_t)(int64_t)a); feed((uint64_t)(a >= 0 && a < 0x1p64 ? (uint64_t)a : 0)); feed((uint32_t)(int32_t)(a / 1e300));
        feed(f2u((float)a)); feed(d2u((double)(int64_t)(b * 1e6))); feed(d2u(rint(a))); feed(d2u(nearbyint(b)));
        feed(flags());
      }
    for (unsigned i = 0; i < NF; i++)
      for (unsigned j = 0; j < NF; j++) {
        float a = fv[i], b = fv[j];
        feclearexcept(FE_ALL_EXCEPT);
        feed(f2u(a + b)); feed(f2u(a - b)); feed(f2u(a * b)); feed(f2u(a / b)); feed(f2u(fmaf(a, b, 0.3f)));
        feed(f2u(sqrtf(fabsf(a)))); feed((uint32_t)(int32_t)a); feed(d2u((double)a * b));
        feed(f2u(roundf(a))); feed(f2u(truncf(b))); feed(f2u(floorf(a))); feed(f2u(ceilf(b)));
        feed(flags());
      }
    printf("%-10s mix=%016llx\n", mode_names[m], (unsigned long long)mix);
  }
  fesetround(FE_TONEAREST);
  // NaN propagation: payloads and quieting, printed as bits.
  double qn = u2d(0x7ff8000000000123ULL), sn = u2d(0x7ff0000000000456ULL);
  float qf = u2f(0x7fc00123), sf = u2f(0x7f800456);
  volatile double one = 1.0;
  feclearexcept(FE_ALL_EXCEPT);
  printf("nan: %016llx %016llx %016llx %016llx flags=%x\n", (unsigned long long)d2u(qn + one), (unsigned long long)d2u(one + sn),
         (unsigned long long)d2u(qn * sn), (unsigned long long)d2u(sn - qn), flags());
  printf("nanf: %08x %08x %08x %08x\n", f2u(qf + (float)one), f2u(sf * (float)one), f2u(qf / sf), f2u(fmaf(qf, sf, 1.0f)));
  printf("inf: %g %g %g %g\n", 1.0 / (one - 1.0), -1.0 / (one - 1.0), (one - 1.0) / (one - 1.0) != 0 ? 1.0 : 0.0, sqrt(-one));
  // Printing and parsing (glibc's own conversions on top of FP).
  printf("%.17g %.9g %a %e %f %g\n", 0.1, 0.1f, 1.0 / 3, 6.02214076e23, -273.15, 1e-5);
  double parsed;
  sscanf("2.718281828459045235360", "%lf", &parsed);
  printf("parsed=%016llx\n", (unsigned long long)d2u(parsed));
  // libm
  for (double x = -3.0; x <= 3.0; x += 0.75)
    printf("x=%5.2f sin=%.17g exp=%.17g log1p=%.17g atan2=%.17g pow=%.17g cbrt=%.17g\n", x, sin(x), exp(x),
           log1p(fabs(x)), atan2(x, 0.7), pow(fabs(x) + 0.5, x), cbrt(x));
  // Half precision
  __fp16 h1 = 1.5, h2 = 3.0e-5, h3 = 65504;
  _Float16 fh = (_Float16)0.1 * (_Float16)3.0;
  printf("fp16: %g %g %g %g %g\n", (double)(float)h1, (double)(float)h2, (double)(float)h3, (double)(float)fh,
         (double)(float)(_Float16)(h3 * (_Float16)2));
  return 0;
}
