# A plain static server (scripts/serve, bench-first-view, lighthouse): every response gzipped, as a static host with compression serves it.
import gzip, http.server, os, sys
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, 'index.html')
        if not os.path.isfile(path):
            return super().send_head()
        body = gzip.compress(open(path, 'rb').read(), 6)
        self.send_response(200)
        self.send_header('Content-Type', self.guess_type(path))
        self.send_header('Content-Encoding', 'gzip')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)
# The folder by name, not as the working directory: a rebuild replaces dist/ and the server follows.
import functools
root = os.path.abspath(sys.argv[1])
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[2])), functools.partial(H, directory=root)).serve_forever()
