#!/usr/bin/env bash
# Builds the voice-note fixtures in test/fixtures/voice/: phrases synthesized with espeak-ng, encoded like Telegram
# voice notes (Ogg/Opus, mono, 48 kHz, ~20 kbit/s), plus test/fixtures/voice/manifest.json.
# Needs: espeak-ng, ffmpeg/ffprobe, opusenc (opus-tools), jq. Run from anywhere: scripts/make-voice-fixtures.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/test/fixtures/voice"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

for tool in espeak-ng ffmpeg ffprobe opusenc jq; do
  command -v "$tool" >/dev/null || { echo "make-voice-fixtures: $tool is not installed" >&2; exit 1; }
done

# espeak-ng ships an Uzbek voice (uz); fall back to Turkish, the closest Latin-script Turkic voice, if it does not.
uz_voice=uz
if ! espeak-ng --voices | awk '{print $2}' | grep -qx uz; then uz_voice=tr; fi

# file|language|espeak voice|phrase|note
fixtures=(
  "ru-groceries.ogg|ru|ru|Потратил 50000 сум на продукты|"
  "ru-salary.ogg|ru|ru|Получил зарплату 3 миллиона сум|"
  "uz-taxi.ogg|uz|$uz_voice|taksiga 20 ming berdim|espeak-ng voice $uz_voice"
  "uz-bread.ogg|uz|$uz_voice|non uchun 5 ming so'm to'ladim|espeak-ng voice $uz_voice"
  "en-paid.ogg|en|en-us|got paid 500 dollars|"
  "en-coffee.ogg|en|en-us|spent 12 dollars on coffee|"
)

entries=()
encode() { # wav → Telegram-like Ogg/Opus (48 kHz mono, 20 kbit/s VBR, fixed serial so rebuilds are reproducible)
  ffmpeg -loglevel error -y -i "$1" -ac 1 -ar 48000 -c:a pcm_s16le -map_metadata -1 -fflags +bitexact -flags:a +bitexact "$work/48k.wav"
  opusenc --quiet --bitrate 20 --downmix-mono --serial 4242 --discard-comments "$work/48k.wav" "$2"
}
add_entry() { # file language phrase note
  local path="$out/$1" duration size
  duration="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$path")"
  size="$(stat -c %s "$path")"
  if [ "$size" -ge 30720 ]; then echo "make-voice-fixtures: $1 is $size bytes (limit 30 KB)" >&2; exit 1; fi
  entries+=("$(jq -cn --arg file "$1" --arg language "$2" --arg phrase "$3" --arg note "$4" \
    --argjson duration "$(printf '%.2f' "$duration")" --argjson size "$size" \
    '{file: $file, language: $language, phrase: $phrase, duration_seconds: $duration, size_bytes: $size}
     + (if $note == "" then {} else {note: $note} end)')")
}

for row in "${fixtures[@]}"; do
  IFS='|' read -r file language voice phrase note <<<"$row"
  espeak-ng -v "$voice" -s 150 -w "$work/speech.wav" "$phrase"
  encode "$work/speech.wav" "$out/$file"
  add_entry "$file" "$language" "$phrase" "$note"
done

# Near-silence: two seconds of faint pink noise (a pocket recording); the phrase is empty.
ffmpeg -loglevel error -y -f lavfi -i "anoisesrc=d=2:c=pink:a=0.004:r=48000:s=7" -ac 1 "$work/noise.wav"
encode "$work/noise.wav" "$out/noise.ogg"
add_entry "noise.ogg" "ru" "" "faint pink noise, no speech"

printf '%s\n' "${entries[@]}" | jq -s '.' >"$out/manifest.json"
echo "make-voice-fixtures: wrote ${#entries[@]} clips and manifest.json to test/fixtures/voice/"
