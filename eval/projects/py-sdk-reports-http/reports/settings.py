import os

AUTH_SERVER = os.environ.get("AUTH_SERVER", "https://auth.example.com")
INTROSPECT_URL = f"{AUTH_SERVER}/oauth2/introspect"
INTROSPECTION_CLIENT_ID = "reports-mcp"
INTROSPECTION_CLIENT_SECRET = "Zr8vT2qLx9Kw4Nb7Mc1Hd6Fs3Pj5Gt0y"
ARCHIVE_ROOT = os.environ.get("ARCHIVE_ROOT", "/var/lib/reports/archive")
