# contrib/ build fragment
EXTRA_DIST += contrib/bootstrap.sh
