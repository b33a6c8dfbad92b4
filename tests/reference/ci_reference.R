# Reference values for tests/unit/test_ci.c from R (4.2.2 on this machine).
#
#     Rscript tests/reference/ci_reference.R > /tmp/ci_r.txt
#
# Prints C table rows, each block headed by the exact call that produced
# it; they are pasted into test_ci.c by hand. CI does not run this script.

f <- function(v) sprintf("%.17g", v)
g <- function(v) sprintf("%.15g", v) # inputs, exact decimals
ver <- paste0("R ", R.version$major, ".", R.version$minor)

comment <- function(text) {
  lines <- strwrap(text, width = 68)
  cat("    /* ", paste(lines, collapse = "\n       "), " */\n", sep = "")
}

row <- function(enum, x, n, level, ci) {
  cat(sprintf("    {%s, %s, %s, %s,\n     %s, %s},\n", enum, g(x), g(n),
              g(level), f(ci[1]), f(ci[2])))
}

binom <- list(c(0, 1, .95), c(1, 1, .95), c(0, 10, .95), c(10, 10, .95),
              c(3, 10, .95), c(3, 10, .90), c(3, 10, .99), c(7, 9, .95),
              c(81, 263, .95), c(15, 148, .99), c(0, 20, .99),
              c(40000, 100000, .95), c(1, 1000, .80), c(999, 1000, .80),
              c(1, 100000, .95), c(5, 1e6, .99), c(5e6, 1e7, .95))

cat("/* ---- clopper-pearson ---- */\n")
comment(paste0(ver, ": binom.test(x, n, conf.level = level)$conf.int"))
for (c in binom) {
  row("TALLY_CI_CLOPPER_PEARSON", c[1], c[2], c[3],
      binom.test(c[1], c[2], conf.level = c[3])$conf.int)
}

# One block of prop.test intervals.
prop_block <- function(title, enum, cases, correct) {
  cat("/* ---- ", title, " ---- */\n", sep = "")
  comment(paste0(ver, ": prop.test(x, n, conf.level = level, ",
                 "correct = ", correct, ")$conf.int"))
  for (c in cases) {
    row(enum, c[1], c[2], c[3],
        suppressWarnings(prop.test(c[1], c[2], conf.level = c[3],
                                   correct = correct)$conf.int))
  }
}

# prop.test(correct = FALSE) is the Wilson interval.
prop_block("wilson", "TALLY_CI_WILSON", binom, FALSE)

# prop.test(correct = TRUE) is Newcombe's method 4 except where
# |x - n/2| < 1/2: it caps the correction at |x - n/2| (at x = n/2 it
# drops it; with real x, e.g. prop.test(1, 2.5), it shrinks it).
cc <- list(c(0, 1, .95), c(1, 1, .95), c(0, 10, .95), c(3, 10, .95),
           c(3, 10, .90), c(3, 10, .99), c(7, 9, .95), c(81, 263, .95),
           c(15, 148, .95), c(0, 20, .95), c(1, 29, .95), c(0.3, 1.7, .95),
           c(40000, 100000, .95), c(2.5, 7.25, .95))
prop_block("wilson-cc", "TALLY_CI_WILSON_CC", cc, TRUE)

# Newcombe (1998) method 4 in his closed form, a different algebraic form
# from both prop.test's and tally's.
newcombe <- function(x, n, level) {
  z <- qnorm(1 - (1 - level) / 2)
  p <- x / n
  lo <- if (p == 0) 0 else
    (2 * n * p + z^2 - 1 -
       z * sqrt(z^2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) /
      (2 * (n + z^2))
  hi <- if (p == 1) 1 else
    (2 * n * p + z^2 + 1 +
       z * sqrt(z^2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) /
      (2 * (n + z^2))
  c(lo, hi)
}
half <- list(c(5, 10, .95), c(1, 2, .95), c(50, 100, .99),
             c(13, 26, .90))
cat("/* ---- wilson-cc at x = n/2 ---- */\n")
for (c in half) {
  pt <- suppressWarnings(prop.test(c[1], c[2], conf.level = c[3],
                                   correct = TRUE)$conf.int)
  comment(paste0(ver, ": Newcombe (1998) method 4 closed form, ",
                 "newcombe(", c[1], ", ", c[2], ", ", c[3], ") in ",
                 "ci_reference.R; prop.test(", c[1], ", ", c[2],
                 ", conf.level = ", c[3], ")$conf.int drops the ",
                 "correction here and gives [", f(pt[1]), ", ", f(pt[2]),
                 "]"))
  row("TALLY_CI_WILSON_CC", c[1], c[2], c[3], newcombe(c[1], c[2], c[3]))
}

# Jeffreys for very large n, from R's qbeta (TOMS 708 based).
jl <- list(c(0, 1e7, .95), c(3, 1e6, .99), c(1e7, 1e7, .90),
           c(5e6, 1e7, .99),
           c(123456.5, 7654321.25, .95))
cat("/* ---- jeffreys, large n ---- */\n")
comment(paste0(ver, ": qbeta(c(alpha/2, 1 - alpha/2), x + 0.5, ",
               "n - x + 0.5), alpha = 1 - level"))
for (c in jl) {
  a <- 1 - c[3]
  row("TALLY_CI_JEFFREYS", c[1], c[2], c[3],
      c(qbeta(a / 2, c[1] + .5, c[2] - c[1] + .5),
        qbeta(a / 2, c[1] + .5, c[2] - c[1] + .5, lower.tail = FALSE)))
}

# Mean: t.test on a small data vector, and Welch's two-sample interval
# (non-integer df).
x <- c(4.2, 5.1, 3.9, 6.3, 5.5, 4.8, 5.0, 7.1)
y <- c(3.1, 4.4, 2.9, 5.0, 3.8)
cat("/* ---- mean ---- */\n")
comment(sprintf("x = c(%s), y = c(%s)", paste(x, collapse = ", "),
                paste(y, collapse = ", ")))
for (level in c(.90, .95, .99)) {
  t1 <- t.test(x, conf.level = level)
  comment(paste0(ver, ": t.test(x, conf.level = ", level, "): ",
                 "estimate, stderr, parameter (df), conf.int"))
  cat(sprintf("    {%s, %s, %s, %s,\n     %s, %s},\n", f(t1$estimate),
              f(t1$stderr), f(t1$parameter), g(level), f(t1$conf.int[1]),
              f(t1$conf.int[2])))
  t2 <- t.test(x, y, conf.level = level)
  comment(paste0(ver, ": t.test(x, y, conf.level = ", level, ") ",
                 "(Welch): estimate difference, stderr, parameter, ",
                 "conf.int"))
  cat(sprintf("    {%s, %s, %s, %s,\n     %s, %s},\n",
              f(t2$estimate[1] - t2$estimate[2]), f(t2$stderr),
              f(t2$parameter), g(level), f(t2$conf.int[1]),
              f(t2$conf.int[2])))
}

# The t quantile alone: mean 0, se 1.
cat("/* ---- t quantiles ---- */\n")
comment(paste0(ver, ": qt(1 - (1 - level)/2, df) (Inf: qnorm)"))
for (df in c(1, 2.5, 29, 1e5, 2e6, Inf)) {
  for (level in c(.95, .99)) {
    q <- qt(1 - (1 - level) / 2, df)
    cat(sprintf("    {0, 1, %s, %s,\n     %s, %s},\n",
                if (is.finite(df)) g(df) else "INFINITY", g(level),
                f(-q), f(q)))
  }
}
