# Reference values for tests/unit/test_freq.c and test_freq_weights.c
# from R (4.2.2 here) with survey 4.1.1, matrixStats 0.63.0 and Hmisc
# 4.8.0:
#
#     Rscript tests/reference/freq_reference.R > /tmp/freq_r.txt
#
# Prints C initialisers, each block headed by the exact calls that
# produced it; they are pasted into the tests by hand. The data are the
# tests' runs of rows, written here as rep(answer, times). Percent and
# intervals of proportions by statsmodels are in freq_reference.py. CI
# does not run this script.

suppressMessages({
  library(survey)
  library(matrixStats)
  library(Hmisc)
})

f <- function(v) ifelse(is.na(v), "NAN", sprintf("%.17g", v))
ver <- paste0("R ", R.version$major, ".", R.version$minor)
sv <- paste0("survey ", packageVersion("survey"))

comment <- function(text) {
  lines <- strwrap(text, width = 68)
  cat("    /* ", paste(lines, collapse = "\n       "), " */\n", sep = "")
}

vec <- function(v, indent = "      ") {
  lines <- strwrap(paste(f(v), collapse = ", "), width = 72)
  paste0("{", paste(lines, collapse = paste0("\n", indent)), "}")
}

# A summary_want initialiser {mean, sd, median, lo, hi, top2, bottom2,
# min, max}.
# end: "}}," closes a table row, "}," an element of a summary_want array.
want <- function(s, end = "}},") {
  lines <- strwrap(paste(f(s), collapse = ", "), width = 72)
  cat("     {", paste(lines, collapse = "\n      "), end, "\n", sep = "")
}

# Unweighted summary of x (NA = outside the base) with the t interval;
# top and bottom: the values in the two boxes (NULL: no boxes).
summary_unweighted <- function(x, level, top = NULL, bottom = NULL) {
  x <- x[!is.na(x)]
  ci <- if (length(x) > 1) t.test(x, conf.level = level)$conf.int
        else c(NA, NA)
  box <- function(v) if (is.null(v)) NA else 100 * mean(x %in% v)
  c(mean(x), sd(x), median(x), ci, box(top), box(bottom), min(x), max(x))
}

CALLS <- paste0(ver, ": mean(x), sd(x), median(x), t.test(x, ",
                "conf.level = level)$conf.int, 100 * mean(x %in% top), ",
                "100 * mean(x %in% bottom), min(x), max(x)")

# --- unweighted scale summaries ------------------------------------------
cat("/* ---- scale summaries (test_freq.c scale_cases) ---- */\n")
comment(CALLS)
cases <- list(
  list("S: 5 points, n = 35 (odd)", c(3, 7, 12, 9, 4), 1:5, .95),
  list("S at level 0.90", c(3, 7, 12, 9, 4), 1:5, .90),
  list("S at level 0.99", c(3, 7, 12, 9, 4), 1:5, .99),
  list("n = 10, median between points 2 and 4 (3 is empty)",
       c(2, 3, 0, 4, 1), 1:5, .95),
  list("n = 10, median between points 2 and 3; top point empty",
       c(1, 4, 3, 2, 0), 1:5, .99),
  list("values -2..2, lowest point empty, n = 16", c(0, 2, 5, 6, 3),
       -2:2, .90),
  list("3-point scale: bottom2 is the lowest point only",
       c(11, 40, 22), 1:3, .95),
  list("2-point scale: no boxes", c(4, 6), 1:2, .95))
for (c in cases) {
  counts <- c[[2]]
  values <- c[[3]]
  k <- length(values)
  x <- rep(values, counts)
  top <- if (k >= 3) values[(k - 1):k] else NULL
  bottom <- if (k > 3) values[1:2] else if (k == 3) values[1] else NULL
  comment(paste0(c[[1]], ": x = rep(c(", paste(values, collapse = ", "),
                 "), c(", paste(counts, collapse = ", "), ")), level = ",
                 c[[4]], ", top = ", deparse(top), ", bottom = ",
                 deparse(bottom)))
  cat(sprintf("    {%d, {%s}, {%s}, %s,\n", k, paste(values, collapse = ", "),
              paste(counts, collapse = ", "), c[[4]]))
  want(summary_unweighted(x, c[[4]], top, bottom))
}

# --- S: counts and percent; wilson-cc ---------------------------------------
S <- rep(c("Unsatisfactory", "Partially met", "Met", "Beyond", "Far beyond",
           "Don't know", "N/A", NA), c(3, 7, 12, 9, 4, 5, 2, 4))
valid <- c("Unsatisfactory", "Partially met", "Met", "Beyond", "Far beyond")
sx <- factor(S[S %in% valid], levels = valid)
cat("/* ---- S: percent ---- */\n")
comment(paste0(ver, ": 100 * prop.table(table(factor(S[S %in% valid], ",
               "levels = valid)))"))
cat("    static const double percent[] =\n        ",
    vec(100 * prop.table(table(sx)), "         "), ";\n", sep = "")
cat("/* ---- S: wilson-cc ---- */\n")
comment(paste0(ver, ": prop.test(table(sx)[i], 35, conf.level = level, ",
               "correct = TRUE)$conf.int * 100 for each category i ",
               "(no count is 35 / 2, where prop.test would drop the ",
               "correction)"))
for (level in c(.90, .95, .99)) {
  ci <- sapply(as.vector(table(sx)), function(x)
    prop.test(x, 35, conf.level = level, correct = TRUE)$conf.int * 100)
  cat(sprintf("    {TALLY_CI_WILSON_CC, %s,\n     %s,\n     %s},\n",
              level, vec(ci[1, ]), vec(ci[2, ])))
}

G <- rep(c("National focal point", "Project partner", "Expert",
           "Former personnel", "Other", "Prefer not to say", NA),
         c(14, 9, 0, 5, 2, 3, 6))
gv <- c("National focal point", "Project partner", "Expert",
        "Former personnel", "Other")
cat("/* ---- G: percent ---- */\n")
comment(paste0(ver, ": 100 * prop.table(table(factor(G[G %in% gv], ",
               "levels = gv)))"))
cat("    static const double percent[] =\n        ",
    vec(100 * prop.table(table(factor(G[G %in% gv], levels = gv))),
        "         "), ";\n", sep = "")

# --- finite population correction: the mean -----------------------------------
cat("/* ---- fpc: mean of S, N = 120 ---- */\n")
x <- rep(1:5, c(3, 7, 12, 9, 4))
fpc <- sqrt((120 - 35) / 119)
comment(paste0(ver, ": x = rep(1:5, c(3, 7, 12, 9, 4)), fpc = sqrt((120 ",
               "- 35) / 119); mean(x) + c(-1, 1) * qt(1 - alpha / 2, 34) ",
               "* sd(x) / sqrt(35) * fpc"))
for (level in c(.90, .95, .99)) {
  cat(sprintf("    {%s, %s, %s},\n", level,
              f(mean(x) - qt(1 - (1 - level) / 2, 34) * sd(x) / sqrt(35) *
                  fpc),
              f(mean(x) + qt(1 - (1 - level) / 2, 34) * sd(x) / sqrt(35) *
                  fpc)))
}

# --- multi ---------------------------------------------------------------
# Dichotomy columns M1..M3 and M4 (Don't know, missing), as runs.
cat("/* ---- multi, dichotomies ---- */\n")
M <- rbind(matrix(c(1, 1, 0, 0), 6, 4, byrow = TRUE),
           matrix(c(1, 0, 0, 0), 4, 4, byrow = TRUE),
           matrix(c(0, 1, 1, 0), 3, 4, byrow = TRUE),
           matrix(c(0, 0, 1, 0), 2, 4, byrow = TRUE),
           matrix(c(0, 0, 0, 1), 3, 4, byrow = TRUE),
           matrix(c(1, 0, 0, 1), 1, 4, byrow = TRUE),
           matrix(0, 7, 4))
inbase <- rowSums(M[, 1:3]) > 0
comment(paste0(ver, ": inbase = rowSums(M[, 1:3]) > 0; respondents ",
               "nrow(M), base sum(inbase), missing sum(!inbase & M[, 4]), ",
               "no_answer sum(rowSums(M) == 0), responses sum(M[, 1:3]), ",
               "counts colSums(M), percent 100 * colSums(M[, 1:3]) / ",
               "sum(inbase)"))
cat(sprintf("    {%s, %s, %s, %s, %s},\n    %s,\n    %s\n", nrow(M),
            sum(inbase), sum(!inbase & M[, 4] == 1), sum(rowSums(M) == 0),
            sum(M[, 1:3]), vec(colSums(M)),
            vec(100 * colSums(M[, 1:3]) / sum(inbase))))
cat("/* ---- multi, one joined column ---- */\n")
J <- rep(c("Funding, Partnership with donors, agencies",
           "Partnership with donors, agencies", "Funding",
           "Staff turnover, Funding", "Don't know", ""),
         c(3, 2, 4, 1, 2, 3))
opts <- c("Funding", "Partnership with donors, agencies", "Staff turnover",
          "Don't know")
T <- sapply(opts, function(o) grepl(o, J, fixed = TRUE))
inbase <- rowSums(T[, 1:3]) > 0
comment(paste0(ver, ": T = sapply(opts, function(o) grepl(o, J, fixed = ",
               "TRUE)); the same sums as above"))
cat(sprintf("    {%s, %s, %s, %s, %s},\n    %s,\n    %s\n", length(J),
            sum(inbase), sum(!inbase & T[, 4]), sum(rowSums(T) == 0),
            sum(T[, 1:3]), vec(colSums(T)),
            vec(100 * colSums(T[, 1:3]) / sum(inbase))))

# --- matrix ----------------------------------------------------------------
cat("/* ---- matrix X ---- */\n")
lv <- c("Unsatisfactory", "Partially met", "Met", "Beyond", "Far beyond")
X <- rbind(matrix(c("Met", "Beyond", "Don't know"), 4, 3, byrow = TRUE),
           matrix(c("Unsatisfactory", "Met", "Met"), 2, 3, byrow = TRUE),
           matrix(c("Far beyond", NA, "Beyond"), 3, 3, byrow = TRUE),
           matrix(c("Partially met", "Partially met", NA), 5, 3,
                  byrow = TRUE),
           matrix(c(NA, "Don't know", "Far beyond"), 1, 3, byrow = TRUE),
           matrix(NA, 2, 3))
comment(paste0(ver, ": per item i: v = match(X[, i], lv) (NA outside the ",
               "base); base sum(!is.na(v)), missing sum(X[, i] %in% ",
               "\"Don't know\"), table(factor(v, levels = 1:5)), then ",
               "the summary of v at level 0.95 as for the scales"))
for (i in 1:3) {
  v <- match(X[, i], lv)
  cat(sprintf("    {%s, %s, %s,\n     %s,\n", sum(!is.na(v)),
              sum(X[, i] %in% "Don't know"), sum(is.na(X[, i])),
              vec(as.vector(table(factor(v, levels = 1:5))))))
  want(summary_unweighted(v, .95, 4:5, 1:2))
}

# --- numeric and text ------------------------------------------------------
cat("/* ---- numeric N ---- */\n")
N <- c(23, 35.5, 41, 41, 19, 60, 27.25, 33)
comment(paste0(ver, ": N = c(", paste(N, collapse = ", "), "); ",
               "mean(N), sd(N), median(N), t.test(N, conf.level = 0.9)",
               "$conf.int, min(N), max(N)"))
want(c(summary_unweighted(N, .90)[1:5], NA, NA, min(N), max(N)), end = "},")

cat("/* ---- one respondent ---- */\n")
comment(paste0(ver, ": x = 3: mean(x), sd(x) (NA), median(x); t.test ",
               "stops (not enough observations)"))
want(summary_unweighted(3, .95, 4:5, 1:2), end = "},")

# --- frequency weights -----------------------------------------------------
# Rows of (S, N, count) of test_freq_weights.c; -99 is N's missing code.
cat("/* ---- frequency weights, integer: rep(x, w) ---- */\n")
fi <- data.frame(
  S = c(1, 1, 2, 3, 3, 4, 5, NA, NA, 3),
  N = c(10, 12, 15, 11, 14, 18, 9, NA, NA, 100),
  c = c(2, 1, 4, 5, 3, 6, 2, 3, 2, 0))
xs <- rep(fi$S, fi$c)
xn <- rep(fi$N, fi$c)
comment(paste0(ver, ": xs = rep(S, c), xn = rep(N, c); table(xs); ",
               "summaries as for the scales at level 0.95 (xs, boxes ",
               "4:5 and 1:2) and 0.99 (xn)"))
cat("    static const double want_count[] =\n        ",
    vec(as.vector(table(factor(xs, levels = 1:5))), "         "), ";\n",
    sep = "")
cat("    static const summary_want want[] = {\n")
want(summary_unweighted(xs, .95, 4:5, 1:2), end = "},")
want(c(summary_unweighted(xn, .99)[1:5], NA, NA, min(xn, na.rm = TRUE),
       max(xn, na.rm = TRUE)), end = "}};")

cat("/* ---- frequency weights, non-integer ---- */\n")
fn <- data.frame(
  S = c(1, 2, 3, 3, 4, 5, 4, NA, NA, 2),
  N = c(12.5, 20, 31, 18, 27, 40, 22.5, NA, NA, 35),
  c = c(1.5, 0.25, 2.75, 1.2, 3.1, 0.8, 1.45, 0.6, 1.1, 2.35))
# The weighted formulas for frequency weights (the weights are case
# counts; SPSS DESCRIPTIVES with WEIGHT), written out:
freqw <- function(x, w, level, top = NULL, bottom = NULL) {
  ok <- !is.na(x)
  x <- x[ok]
  w <- w[ok]
  W <- sum(w)
  m <- weighted.mean(x, w)
  v <- sum(w * (x - m)^2) / (W - 1)
  stopifnot(abs(v - wtd.var(x, w)) < 1e-12 * v)
  q <- qt(1 - (1 - level) / 2, W - 1)
  box <- function(s) if (is.null(s)) NA else 100 * sum(w[x %in% s]) / W
  c(m, sqrt(v), weightedMedian(x, w, interpolate = FALSE, ties = "mean"),
    m - q * sqrt(v / W), m + q * sqrt(v / W), box(top), box(bottom),
    min(x[w > 0]), max(x[w > 0]))
}
comment(paste0(ver, ": over rows with an answer: W = sum(w), m = ",
               "weighted.mean(x, w), v = sum(w * (x - m)^2) / (W - 1) ",
               "(= Hmisc::wtd.var(x, w)), sd sqrt(v), matrixStats::",
               "weightedMedian(x, w, interpolate = FALSE, ties = \"mean\"), ",
               "m -/+ qt(1 - alpha / 2, W - 1) * sqrt(v / W), boxes ",
               "100 * sum(w[x %in% box]) / W, min and max of x[w > 0]; ",
               "S at 0.95, N at 0.90"))
ok <- !is.na(fn$S)
cat("    static const double percent[] =\n        ",
    vec(100 * prop.table(xtabs(c ~ factor(S, levels = 1:5),
                               data = fn[ok, ])), "         "), ";\n",
    sep = "")
cat("    static const summary_want want[] = {\n")
want(freqw(fn$S, fn$c, .95, 4:5, 1:2), end = "},")
want(freqw(fn$N, fn$c, .90), end = "}};")

# --- sampling weights ---------------------------------------------------------
cat("/* ---- sampling weights ---- */\n")
sw <- data.frame(
  S = c(1, 2, 2, 3, 3, 3, 4, 4, 5, 5, NA, NA, NA, 1),
  N = c(12, 15, 22, 30, 28, NA, 41, 38, 45, NA, 33, 19, NA, 25),
  w = c(0.8, 1.6, 0.9, 1.25, 2.1, 0.7, 1.9, 0.55, 1.35, 3.0, 1.15, 0.95,
        2.4, 1.05))
sampw <- function(col, level, top = NULL, bottom = NULL) {
  df <- sw[!is.na(sw[[col]]), ]
  df$x <- df[[col]]
  d <- svydesign(ids = ~1, weights = ~w, data = df)
  m <- svymean(~x, d)
  ci <- confint(m, df = degf(d), level = level)
  W <- sum(df$w)
  box <- function(s) if (is.null(s)) NA else 100 * sum(df$w[df$x %in% s]) / W
  # Stata's aweights: the weights rescaled to sum to n, then the
  # case-count formula. (wtd.var(normwt = TRUE) is not that: it goes
  # through cov.wt(), the reliability-weight variance sum w (x - m)^2 /
  # (W - sum w^2 / W).)
  sd <- sqrt(wtd.var(df$x, df$w * nrow(df) / sum(df$w)))
  stopifnot(abs(sd^2 - sum(df$w * (df$x - coef(m))^2) / W * nrow(df) /
                (nrow(df) - 1)) < 1e-12 * sd^2)
  c(coef(m), sd,
    weightedMedian(df$x, df$w, interpolate = FALSE, ties = "mean"),
    ci[1], ci[2], box(top), box(bottom), min(df$x), max(df$x))
}
ok <- !is.na(sw$S)
comment(paste0(ver, ", ", sv, ": over the base (rows with a valid ",
               "answer) df: 100 * prop.table(xtabs(w ~ factor(S, levels ",
               "= 1:5), data = df)); n_eff sum(df$w)^2 / sum(df$w^2)"))
cat("    static const double percent[] =\n        ",
    vec(100 * prop.table(xtabs(w ~ factor(S, levels = 1:5),
                               data = sw[ok, ])), "         "), ";\n",
    "    static const double n_eff = ",
    f(sum(sw$w[ok])^2 / sum(sw$w[ok]^2)), ";\n", sep = "")
comment(paste0(ver, ", ", sv, ": d <- svydesign(ids = ~1, weights = ~w, ",
               "data = df); m <- svymean(~x, d); confint(m, df = ",
               "degf(d), level = level); sd sqrt(Hmisc::wtd.var(df$x, ",
               "df$w * nrow(df) / sum(df$w))) (Stata's aweights: the ",
               "weights rescaled to sum to n); ",
               "matrixStats::weightedMedian(df$x, df$w, interpolate = ",
               "FALSE, ties = \"mean\"); boxes 100 * sum(w[x %in% box]) / ",
               "sum(w), min(df$x), max(df$x); S at 0.95, N at 0.99"))
cat("    static const summary_want want[] = {\n")
want(sampw("S", .95, 4:5, 1:2), end = "},")
want(sampw("N", .99), end = "}};")
