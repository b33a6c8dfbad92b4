* Reference values for tests/unit/test_assoc.c from GNU PSPP 1.6.2.
* Run (from tests/reference):
*     pspp assoc_reference.sps -o /tmp/assoc.spv
*     pspp -O format=csv assoc_reference.sps   (labels, 2 decimals)
*     /usr/bin/python3 spv_values.py /tmp/assoc.spv   (full precision).
* The tables are those of assoc_tables.txt, as weighted cases.
* NPAR TESTS /K-W and /M-W are kept to show why they are NOT used as a
* reference: PSPP 1.6.2 mishandles WEIGHT there (negative chi-square,
* U = -63 for t2x2); R and scipy on the expanded cases are used instead.

TITLE 't2x2'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 10
1 2 2
2 1 3
2 2 15
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,2).
NPAR TESTS /M-W=r BY c(1,2).

TITLE 't2x5'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 12
1 2 5
1 3 9
1 4 7
1 5 3
2 1 4
2 2 8
2 3 6
2 4 11
2 5 14
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,5).

TITLE 't3x5'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 8
1 2 3
1 3 5
1 4 2
1 5 1
2 1 4
2 2 7
2 3 6
2 4 5
2 5 3
3 1 1
3 2 3
3 3 6
3 4 9
3 5 12
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,5).

TITLE 't5x5'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 5
1 2 2
1 3 1
1 4 0
1 5 0
2 1 3
2 2 6
2 3 2
2 4 1
2 5 0
3 1 1
3 2 3
3 3 7
3 4 2
3 5 1
4 1 0
4 2 1
4 3 3
4 4 6
4 5 2
5 1 0
5 2 0
5 3 1
5 4 2
5 5 5
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,5).

TITLE 'tzero'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 4
1 2 0
1 3 3
1 4 2
2 1 0
2 2 0
2 3 0
2 4 0
3 1 1
3 2 0
3 3 5
3 4 6
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,4).

TITLE 'tn2'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 1
1 2 0
2 1 0
2 2 1
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,2).
NPAR TESTS /M-W=r BY c(1,2).

TITLE 'tbig'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 1400
1 2 900
1 3 700
1 4 400
2 1 1000
2 2 1100
2 3 900
2 4 500
3 1 400
3 2 800
3 3 900
3 4 1000
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,4).

TITLE 'tweight'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 2.5
1 2 1.25
1 3 0.5
2 1 1.75
2 2 3.5
2 3 2.25
3 1 0.5
3 2 2.0
3 3 4.75
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,3).

TITLE 't6x6'.
DATA LIST LIST /r c w.
BEGIN DATA.
1 1 9
1 2 27
1 3 27
1 4 32
1 5 30
1 6 25
2 1 21
2 2 35
2 3 43
2 4 38
2 5 33
2 6 30
3 1 22
3 2 26
3 3 17
3 4 31
3 5 33
3 6 21
4 1 27
4 2 34
4 3 30
4 4 50
4 5 32
4 6 27
5 1 17
5 2 18
5 3 22
5 4 9
5 5 13
5 6 21
6 1 24
6 2 40
6 3 21
6 4 40
6 5 49
6 6 26
END DATA.
WEIGHT BY w.
CROSSTABS /TABLES=r BY c /STATISTICS=ALL.
NPAR TESTS /K-W=r BY c(1,6).
