# rlx's Rng (xoshiro256** seeded by SplitMix64) with JDK 17 RandomGenerator's nextInt(bound) and nextDouble,
# answering the numpy calls the reference games make with the draws rlx's Java port makes.
M = (1 << 64) - 1
def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M
def splitmix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)
class JRng:
    def __init__(self, seed):
        z = seed & M
        s = []
        for i in range(4):
            z = (z + 0x9E3779B97F4A7C15) & M
            s.append(splitmix(z))
        self.s = s
    def next_long(self):
        s0, s1, s2, s3 = self.s
        result = (rotl((s1 * 5) & M, 7) * 9) & M
        t = (s1 << 17) & M
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result
    def next_int32(self):
        v = self.next_long() >> 32
        return v - (1 << 32) if v >= (1 << 31) else v
    def next_int(self, bound):
        r = self.next_int32()
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            if u + m - r < (1 << 31):
                return r
            u = (self.next_int32() & 0xFFFFFFFF) >> 1
    def next_double(self):
        return (self.next_long() >> 11) * (2.0 ** -53)
class Shim:
    """numpy RandomState calls of the reference, answered with the Java port's draws."""
    def __init__(self, seed):
        self.j = JRng(seed)
    def rand(self):
        return self.j.next_double()
    def randint(self, low, high=None, size=None):
        if size is None:
            return low + self.j.next_int(high - low)
        import numpy as np
        return np.array([low + self.j.next_int(high - low) for _ in range(size)])
    def choice(self, a, size=None, p=None):
        import numpy as np
        if size is not None:  # freeway directions: [-1, 1]
            return np.array([a[0] if self.j.next_int(2) == 0 else a[1] for _ in range(size)])
        if p is not None:  # asterix gold: P(True) = 1/3
            return self.j.next_double() < p[0]
        if isinstance(a, int):  # breakout start side
            return self.j.next_int(a)
        if list(a) == [True, False]:
            return self.j.next_int(2) == 0
        return a[self.j.next_int(len(a))]
