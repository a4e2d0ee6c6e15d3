"""The lab's reference model in PyTorch on one thread, timed per training step (spawned by bench/run.ts).

Same shapes and layout as src/lab (decoder-only, fused QKV, causal mask, ReLU FFN of 4·d, sinusoidal
positions, embedding scaled by sqrt(d), Pre-LN with a final LayerNorm or Post-LN, untied output), loss on
the answer positions, Adam (beta 0.9/0.98, eps 1e-9, no clipping). Prints one JSON object on stdout.
Usage: python3 torch_step.py '{"layers":6,"d":64,"heads":4,"T":16,"batch":32,"vocab":10,"answer":7,
"norm":"pre","warmup":5,"steps":20}'
"""
import json
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)  # the comparison is one core against TF.js WASM on one thread
cfg = json.loads(sys.argv[1])
L, d, H, T, B, V = cfg["layers"], cfg["d"], cfg["heads"], cfg["T"], cfg["batch"], cfg["vocab"]
pre = cfg["norm"] == "pre"
torch.manual_seed(1)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv, self.wo = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.w1, self.w2 = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)
        self.ln1, self.ln2 = nn.LayerNorm(d, eps=1e-5), nn.LayerNorm(d, eps=1e-5)

    def attn(self, x, mask):
        q, k, v = self.qkv(x).view(B, T, 3, H, d // H).permute(2, 0, 3, 1, 4)  # each [B, H, T, dh]
        w = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // H) + mask, dim=-1)
        return self.wo((w @ v).transpose(1, 2).reshape(B, T, d))

    def ffn(self, x):
        return self.w2(F.relu(self.w1(x)))

    def forward(self, x, mask):
        if pre:
            x = x + self.attn(self.ln1(x), mask)
            return x + self.ffn(self.ln2(x))
        x = self.ln1(x + self.attn(x, mask))
        return self.ln2(x + self.ffn(x))


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Parameter(torch.randn(V, d) * math.sqrt(2 / (V + d)))
        self.blocks = nn.ModuleList(Block() for _ in range(L))
        self.final = nn.LayerNorm(d, eps=1e-5) if pre else None
        self.out = nn.Linear(d, V)
        pos = torch.arange(T).unsqueeze(1) / torch.pow(10000, (2 * (torch.arange(d) // 2)) / d)
        self.register_buffer("pos", torch.where(torch.arange(d) % 2 == 0, torch.sin(pos), torch.cos(pos)))
        self.register_buffer("mask", torch.triu(torch.full((T, T), -1e9), 1))

    def forward(self, ids):
        x = F.one_hot(ids, V).float() @ self.embed * math.sqrt(d) + self.pos  # one-hot matMul, as the lab does
        for blk in self.blocks:
            x = blk(x, self.mask)
        return self.out(self.final(x) if self.final is not None else x)


model = Model()
opt = torch.optim.Adam(model.parameters(), lr=3e-3, betas=(0.9, 0.98), eps=1e-9)
answer = cfg["answer"]
loss_mask = torch.zeros(B, T)
loss_mask[:, T - answer:] = 1


def step():
    ids = torch.randint(0, V, (B, T))
    target = torch.randint(0, V, (B, T))
    logits = model(ids)
    nll = F.cross_entropy(logits.reshape(-1, V), target.reshape(-1), reduction="none").view(B, T)
    loss = (nll * loss_mask).sum() / loss_mask.sum()
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    return loss.item()


for _ in range(cfg["warmup"]):
    step()
wall, cpu = [], []
for _ in range(cfg["steps"]):
    w0, c0 = time.perf_counter(), time.process_time()
    step()
    wall.append((time.perf_counter() - w0) * 1e3)
    cpu.append((time.process_time() - c0) * 1e3)

a, b = torch.randn(256, 256), torch.randn(256, 256)
for _ in range(5):
    a @ b
mm = []
for _ in range(30):
    t0 = time.perf_counter()
    a @ b
    mm.append(time.perf_counter() - t0)

print(json.dumps({
    "torch": torch.__version__,
    "threads": torch.get_num_threads(),
    "params": sum(p.numel() for p in model.parameters()),
    "msPerStep": statistics.median(wall),
    "cpuMsPerStep": statistics.median(cpu),
    "matMul256Gflops": 2 * 256 ** 3 / statistics.median(mm) / 1e9,
}))
