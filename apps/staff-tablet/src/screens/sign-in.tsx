// Sign-in: the member's store and role come back with the token and stay on the tablet.
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import type { Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { graphql } from '../gql';
import { useT } from '../i18n/i18n';

const StaffLogin = graphql(`
  mutation StaffLogin($input: StaffLoginInput!) {
    staffLogin(input: $input) {
      token
      staff {
        id
        email
        name
        role
        location {
          id
          name
          code
          geo {
            lat
            lng
          }
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useAction(StaffLogin);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { data } = await login.run({ input: { email, password } });
    const answer = data?.staffLogin;
    if (answer?.token && answer.staff) onSignedIn({ token: answer.token, staff: answer.staff });
  }

  return (
    <main className="screen sign-in">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={(e) => void submit(e)} className="card form">
        <label>
          {t('signIn.email')}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <ErrorText code={login.code} />
        <button type="submit" className="primary" disabled={login.fetching}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
