# Benchmark: a fixed Python workload (objects, dicts, strings, json, re, hashlib).
import hashlib, json, re

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm2(self):
        return self.x * self.x + self.y * self.y

pts = [Point(i % 97, i % 89) for i in range(60000)]
total = sum(p.norm2() for p in pts)
words = {}
text = ' '.join('w%d' % (i * 7919 % 5003) for i in range(40000))
for w in re.findall(r'w\d+', text):
    words[w] = words.get(w, 0) + 1
doc = json.dumps({'total': total, 'top': sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:5]})
h = hashlib.sha256()
for i in range(2000):
    h.update(doc.encode() + str(i).encode())
print(total, len(words), json.loads(doc)['top'][0], h.hexdigest()[:16])
