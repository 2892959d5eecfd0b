// Optional beep and vibration when the camera reads a card (issue 18), for a user looking at the card
// rather than the screen. Off until the user ticks the toggle; the choice lives in this page's memory only
// (nothing is stored: a reload starts with it off again). The beep is a short tone made with WebAudio (an
// OscillatorNode: no audio file, so nothing for the page's CSP to allow); the vibration is
// navigator.vibrate where the browser has it (Android; not Safari or desktops). The camera's onResult is
// already once per card, so this is once per card too, never per frame.

let audio = null; // one AudioContext, made on the toggle's click: a user gesture lets it start playing

function audioContext() {
  const Context = globalThis.AudioContext ?? globalThis.webkitAudioContext;
  if (!audio && Context) {
    try {
      audio = new Context();
    } catch {
      audio = null; // no audio output: the vibration (if any) still says it
    }
  }
  if (audio?.state === 'suspended') audio.resume?.()?.catch?.(() => {});
  return audio;
}

// A valid card: one short high tone; a card whose data fails a check: a lower, longer one.
function beep(ok) {
  const ac = audioContext();
  if (!ac) return;
  const seconds = ok ? 0.12 : 0.3;
  const start = ac.currentTime;
  const tone = ac.createOscillator();
  const gain = ac.createGain();
  tone.type = 'sine';
  tone.frequency.value = ok ? 1320 : 440;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + seconds);
  tone.connect(gain);
  gain.connect(ac.destination);
  tone.onended = () => { tone.disconnect(); gain.disconnect(); };
  tone.start(start);
  tone.stop(start + seconds + 0.02);
}

/**
 * Wires the toggle (a checkbox). `read(card)` beeps and vibrates once when the toggle is on.
 * @param {HTMLInputElement} toggle
 */
export function setupFeedback(toggle) {
  toggle.checked = false; // a browser restoring form state on reload must not turn it on
  toggle.addEventListener('change', () => {
    if (toggle.checked) audioContext(); // made (or resumed) inside the click, so later beeps may play
  });
  return {
    get on() { return toggle.checked; },
    /** @param {{ok?: boolean} | undefined} card */
    read(card) {
      if (!toggle.checked) return;
      const ok = card?.ok !== false;
      try {
        beep(ok);
      } catch {
        // audio refused (no output device, a closed context): the read itself is unaffected
      }
      try {
        navigator.vibrate?.(ok ? 80 : [60, 60, 60]);
      } catch {
        // vibrate refused: nothing to do
      }
    },
  };
}
