import { useState, type FormEvent } from 'react';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorMessage } from '../ui.tsx';

export function LoginScreen({ onLogin }: { onLogin: (token: string) => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(email, password);
      onLogin(r.token);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow card" aria-labelledby="login-title">
      <h1 id="login-title">{t('loginTitle')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {t('loginButton')}
        </button>
      </form>
    </section>
  );
}
