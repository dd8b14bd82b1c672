#!/usr/bin/env python3
"""What start-up leaves to the first requests (issue 16, docs/performance.md).

Usage: python3 bench/first-requests.py ROUNDS JAR... (from the repository's root)

Starts each jar in turn, ROUNDS times, with the VS Code extension's JVM options and a class-data
archive written by a first start, as the extension does; each round waits for idle CPUs first.
Per start: start -> initialize answered, didOpen of samples/shop.topo -> its first diagnostics,
start -> first diagnostics, and the first hover (on `host`, HOVER_DELAY seconds after the
diagnostics, 0 unless set). Prints the median and p95 of each, per jar.
"""
import subprocess, sys, time, json, os, statistics, math, threading, queue, tempfile
rounds=int(sys.argv[1]); jars=sys.argv[2:]
EXT=["-XX:+UseSerialGC","-XX:NewRatio=1","-XX:SurvivorRatio=2","-XX:TieredStopAtLevel=1","-Xms64m","-Xlog:disable","-Xlog:all=warning:stderr"]
text=open("samples/shop.topo").read()
uri="file:///shop.topo"
def msg(o):
    b=json.dumps(o).encode(); return b"Content-Length: %d\r\n\r\n"%len(b)+b
def reader(out,q):
    while True:
        h=b""
        while not h.endswith(b"\r\n\r\n"):
            c=out.read(1)
            if not c: return
            h+=c
        n=int(h.split(b"Content-Length: ")[1].split(b"\r\n")[0]); q.put((time.time(),json.loads(out.read(n))))
def wait(q, pred):
    while True:
        t,m=q.get(timeout=30)
        if pred(m): return t,m
def run(jar, opts):
    t0=time.time()
    p=subprocess.Popen(["java"]+opts+["-jar",jar,"lsp"],stdin=subprocess.PIPE,stdout=subprocess.PIPE,stderr=subprocess.DEVNULL)
    q=queue.Queue(); threading.Thread(target=reader,args=(p.stdout,q),daemon=True).start()
    send=lambda o:(p.stdin.write(msg(o)),p.stdin.flush())
    send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})
    ti,_=wait(q,lambda m:m.get("id")==1)
    send({"jsonrpc":"2.0","method":"initialized","params":{}})
    to=time.time()
    send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"topology","version":1,"text":text}}})
    td,_=wait(q,lambda m:m.get("method")=="textDocument/publishDiagnostics")
    time.sleep(float(os.environ.get("HOVER_DELAY","0")))
    th0=time.time()
    send({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":uri},"position":{"line":4,"character":1}}})
    th,hm=wait(q,lambda m:m.get("id")==2)
    assert hm.get("result"), hm
    send({"jsonrpc":"2.0","id":3,"method":"shutdown"}); send({"jsonrpc":"2.0","method":"exit"})
    p.wait(20)
    return [(ti-t0)*1000,(td-to)*1000,(td-t0)*1000,(th-th0)*1000]
opts={}
for j in jars:
    a=os.path.join(tempfile.gettempdir(), "first-requests-%d-%s.jsa" % (jars.index(j), os.path.basename(j)))
    if os.path.exists(a): os.remove(a)
    run(j, EXT+["-XX:ArchiveClassesAtExit="+a,"-Xlog:cds*=off"])
    opts[j]=EXT+["-XX:SharedArchiveFile="+a]
def idle_frac(dt=0.5):
    def rd():
        f=open('/proc/stat').readline().split()[1:]; v=list(map(int,f)); return v[3]+v[4], sum(v)
    a=rd(); time.sleep(dt); b=rd(); return (b[0]-a[0])/max(1,(b[1]-a[1]))
def wait_idle():
    t0=time.time()
    while idle_frac()<0.9 and time.time()-t0<120: pass
res={j:[] for j in jars}; loads=[os.getloadavg()[0]]
for r in range(rounds):
    wait_idle()
    for j in jars: res[j].append(run(j,opts[j]))
    loads.append(os.getloadavg()[0])
def p95(x): s=sorted(x); return s[math.ceil(len(s)*0.95)-1]
print("rounds=%d load(1m) min/med/max %.2f/%.2f/%.2f"%(rounds,min(loads),statistics.median(loads),max(loads)))
names=["start->initialize","didOpen->diagnostics","start->diagnostics","first hover"]
for j in jars:
    print(os.path.basename(j))
    for i,n in enumerate(names):
        col=[r[i] for r in res[j]]; print("   %-22s median %4.0f ms  p95 %4.0f ms"%(n,statistics.median(col),p95(col)))
