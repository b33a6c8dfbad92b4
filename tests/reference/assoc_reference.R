# Reference values for tests/unit/test_assoc.c from R (4.2.2 here):
#
#     Rscript tests/reference/assoc_reference.R
#
# Reads assoc_tables.txt (beside this script) and prints, per table, the
# exact call and its value with 17 significant digits. The values are
# pasted into test_assoc.c by hand; CI does not run this script.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(sub("--file=", "", args[grep("--file=", args)]))
f <- function(v) sprintf("%.17g", v)
lines <- readLines(file.path(here, "assoc_tables.txt"))
lines <- lines[!grepl("^#", lines)]

# The case data behind a table: row category i (the ranked value) and
# column group j, each repeated count times (whole counts only).
expand <- function(m) {
  i <- rep(row(m), m); j <- rep(col(m), m)
  list(x = i, g = j)
}

for (line in lines) {
  p <- strsplit(line, " ")[[1]]
  name <- p[1]; r <- as.integer(p[2]); k <- as.integer(p[3])
  m <- matrix(as.numeric(p[-(1:3)]), r, k, byrow = TRUE)
  cat("== ", name, "\n", sep = "")
  m2 <- m[rowSums(m) > 0, colSums(m) > 0, drop = FALSE]
  if (nrow(m2) < 2 || ncol(m2) < 2) next
  x <- suppressWarnings(chisq.test(m2, correct = FALSE))
  cat("chisq.test(m, correct = FALSE): statistic", f(x$statistic),
      "df", f(x$parameter), "p", f(x$p.value), "min(expected)",
      f(min(x$expected)), "sum(expected < 5)", sum(x$expected < 5), "\n")
  if (all(dim(m2) == 2)) {
    y <- suppressWarnings(chisq.test(m2, correct = TRUE))
    cat("chisq.test(m, correct = TRUE): statistic", f(y$statistic), "p",
        f(y$p.value), "\n")
  }
  whole <- all(m2 == round(m2))
  if (whole && sum(m2) <= 300) {
    fp <- fisher.test(m2, workspace = 2e8)$p.value
    cat("fisher.test(m, workspace = 2e8)$p.value", f(fp), "\n")
  } else if (whole) {
    set.seed(1)
    fp <- fisher.test(m2, simulate.p.value = TRUE, B = 1e5)$p.value
    cat("set.seed(1); fisher.test(m, simulate.p.value = TRUE, B = 1e5)",
        f(fp), "\n")
  }
  # Kruskal-Wallis for weighted counts by the textbook formula (Kruskal
  # and Wallis 1952, eq. 1.1 and the tie correction 1.4), midranks from
  # the row totals; for whole counts it equals kruskal.test().
  n <- sum(m2); t <- rowSums(m2); R <- cumsum(t) - t + (t + 1) / 2
  S <- colSums(m2 * R)
  H <- (12 / (n * (n + 1)) * sum(S^2 / colSums(m2)) - 3 * (n + 1)) /
    (1 - sum(t^3 - t) / (n^3 - n))
  cat("textbook weighted Kruskal-Wallis H", f(H), "p",
      f(pchisq(H, ncol(m2) - 1, lower.tail = FALSE)), "\n")
  if (whole) {
    d <- expand(m2)
    kw <- kruskal.test(d$x, d$g)
    cat("kruskal.test(x, g): statistic", f(kw$statistic), "df",
        f(kw$parameter), "p", f(kw$p.value), "\n")
    if (ncol(m2) == 2) {
      w <- wilcox.test(d$x[d$g == 1], d$x[d$g == 2], correct = FALSE,
                       exact = FALSE)
      cat("wilcox.test(x[g == 1], x[g == 2], correct = FALSE, exact =",
          "FALSE): W", f(w$statistic), "p", f(w$p.value), "\n")
    }
  }
}
