import msgpack, random
from msgpack import Timestamp, ExtType
random.seed(7)
vals=[]
ints=[0,1,127,128,255,256,65535,65536,2**32-1,2**32,2**63-1,2**64-1,-1,-32,-33,-128,-129,-32768,-32769,-2**31,-2**31-1,-2**63]
vals+=ints
vals+=[1.5,-0.1,1e300,float('inf')]
for n in [0,1,31,32,255,256]:
    vals.append('x'*n); vals.append(b'\x01'*n)
vals+=["é€𝄞"]
vals+=[Timestamp(1614021300,0),Timestamp(1614021360,335689322),Timestamp(-1,500000000),Timestamp(2**34,0),Timestamp(2**32,0),Timestamp(2**34-1,999999999)]
vals+=[ExtType(5,b'*'),ExtType(127,b'\x01\x02'),ExtType(1,b'\0'*16),ExtType(1,b'\0'*300)]
vals+=[None,True,False,[1,"a"],[None]*16,{"compact":True,"schema":0},{chr(97+i):i for i in range(16)}]
def rnd(d):
    k=random.randrange(8 if d<3 else 5)
    if k==0: return random.randrange(-2**63,2**64)
    if k==1: return random.random()*10**random.randrange(-5,10)
    if k==2: return ''.join(chr(random.randrange(32,0x2000)) for _ in range(random.randrange(0,40)))
    if k==3: return Timestamp(random.randrange(-2**40,2**40), random.randrange(10**9))
    if k==4: return random.choice([None,True,False])
    if k==5: return [rnd(d+1) for _ in range(random.randrange(0,8))]
    if k==6: return {str(i)+'k':rnd(d+1) for i in range(random.randrange(0,8))}
    return bytes(random.randrange(256) for _ in range(random.randrange(0,40)))
vals+=[rnd(0) for _ in range(200)]
with open("python-msgpack-vectors.txt", "w") as f:
    for v in vals:
        f.write(msgpack.packb(v,use_bin_type=True).hex()+'\n')
print(len(vals))
