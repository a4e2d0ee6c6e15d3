// One turn of the event loop, so a message (Cancel, another worker's result) gets through between two pieces of
// synchronous work. Not setTimeout(0): a timer set from a timer's own task is clamped to ≥ 4 ms after five levels,
// and a training yields every 50 ms from inside the task its last yield resumed in (~8% of a run in a worker).
// A message on a fresh channel has no clamp; Node has setImmediate.
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
