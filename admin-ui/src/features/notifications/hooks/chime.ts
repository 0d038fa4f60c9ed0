let audio: AudioContext | null = null;

/**
 * Two short rising notes, made by the browser: no sound file to fetch (the console's CSP admits only its own files, and
 * a file is one more thing to ship). The browser lets a page play sound once the person has used it (signed in).
 */
export function chime(): void {
  audio ??= new AudioContext();
  const start = audio.currentTime;
  [660, 990].forEach((frequency, i) => {
    const at = start + i * 0.14;
    const tone = audio!.createOscillator();
    const volume = audio!.createGain();
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, at);
    volume.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    tone.connect(volume).connect(audio!.destination);
    tone.start(at);
    tone.stop(at + 0.3);
  });
}
