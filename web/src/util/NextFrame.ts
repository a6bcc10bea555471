// Many requests, one call on the next animation frame: views re-render once per frame however
// many changes arrive in between.
export class NextFrame {
  private id: number | null = null;

  constructor(private readonly run: () => void) {}

  request(): void {
    if (this.id !== null) return;
    this.id = requestAnimationFrame(() => {
      this.id = null;
      this.run();
    });
  }

  /** Drops a requested call (the view rendered now, or is going away). */
  cancel(): void {
    if (this.id === null) return;
    cancelAnimationFrame(this.id);
    this.id = null;
  }
}
