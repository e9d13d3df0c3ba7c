// The demo portal's own script: what a host page writes to prefill the checker and read its results.
const checker = document.querySelector('seoul-benefits-checker');

// A real portal writes its origin(s) in the attribute; the demo runs on whichever port serves it.
checker.setAttribute('origins', location.origin);

const DAY = 86_400_000;
function daysFromToday(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  return new Date(Date.parse(today) + days * DAY).toISOString().slice(0, 10);
}

/** A household in input model v1: a pregnant mother, her partner and a toddler in Seoul. */
function sampleHousehold() {
  return {
    residence: 'seoul',
    monthlyIncome: 4200000,
    members: [
      { role: 'adult', birthDate: '1993-05-02', sex: 'female', pregnant: true, dueDate: daysFromToday(90) },
      { role: 'adult', birthDate: '1991-11-20', sex: 'male' },
      { role: 'child', birthDate: daysFromToday(-420), birthRegisteredInSeoul: true },
    ],
  };
}

document.getElementById('fill-property').addEventListener('click', () => {
  checker.household = sampleHousehold();
});
document.getElementById('fill-message').addEventListener('click', () => {
  window.postMessage({ type: 'seoul-benefits-checker:prefill', household: sampleHousehold() }, location.origin);
});
document.getElementById('lang').addEventListener('change', (event) => checker.setAttribute('lang', event.target.value));

function show(target, payload) {
  const eligible = payload.results.filter((r) => r.status === 'eligible').map((r) => r.name);
  document.getElementById(target).textContent = `${payload.asOf} · eligible ${eligible.length}: ${eligible.join(', ')}`;
}
checker.addEventListener('results', (event) => show('from-event', event.detail));
addEventListener('message', (event) => {
  if (event.origin === location.origin && event.data?.type === 'seoul-benefits-checker:results') show('from-message', event.data);
});
